package dev.switchboard.gateway;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.CombinedChannelDuplexHandler;
import io.netty.handler.codec.DecoderResult;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultHttpHeadersFactory;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpDecoderConfig;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpHeadersFactory;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpRequestEncoder;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseDecoder;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpStatusClass;
import io.netty.handler.codec.http.HttpVersion;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Queue;

/**
 * HTTP/1.1 codec of a backend connection: Netty's HttpClientCodec for what the gateway sends (no CONNECT, no
 * upgrade), with request heads written by {@link HeaderLines} (HttpClientCodec's encoder cannot be replaced). Like
 * HttpClientCodec, the decoder reads no body in a response to HEAD, nor in a 1xx, 204 or 304.
 */
final class UpstreamHttpCodec extends CombinedChannelDuplexHandler<UpstreamHttpCodec.ResponseDecoder, UpstreamHttpCodec.RequestEncoder> {

    /**
     * Netty's validating trailers, with room for two: the decoder makes them for every response with a body (its last
     * part carries them), and backends almost never send trailers; sixteen slots were the most allocated bytes.
     */
    private static final HttpHeadersFactory SMALL_TRAILERS = new HttpHeadersFactory() {
        @Override
        public HttpHeaders newHeaders() {
            return DefaultHttpHeadersFactory.trailersFactory().newEmptyHeaders();
        }

        @Override
        public HttpHeaders newEmptyHeaders() {
            return DefaultHttpHeadersFactory.trailersFactory().newEmptyHeaders();
        }
    };

    UpstreamHttpCodec(int maxInitialLine, int maxHeaderSize, int maxChunk) {
        Queue<HttpMethod> methods = new ArrayDeque<>();
        init(new ResponseDecoder(new HttpDecoderConfig()
                        .setMaxInitialLineLength(maxInitialLine)
                        .setMaxHeaderSize(maxHeaderSize)
                        .setMaxChunkSize(maxChunk)
                        .setTrailersFactory(SMALL_TRAILERS), methods),
                new RequestEncoder(methods));
    }

    /**
     * True when the backend sent bytes the decoder has not turned into a response yet. On an idle connection these
     * came after a complete response (a body on a 204, say): RFC 9112 6.3 reads them as the start of the next
     * response, so the connection cannot carry another request.
     */
    boolean holdsUnreadBytes() {
        return inboundHandler().holdsUnreadBytes();
    }

    /** Remembers each request's method for the decoder, in order. */
    static final class RequestEncoder extends HttpRequestEncoder {

        private final Queue<HttpMethod> methods;

        RequestEncoder(Queue<HttpMethod> methods) {
            this.methods = methods;
        }

        @Override
        protected void encode(ChannelHandlerContext ctx, Object msg, List<Object> out) throws Exception {
            if (msg instanceof HttpRequest request) {
                methods.add(request.method());
            }
            super.encode(ctx, msg, out);
        }

        @Override
        protected void encodeHeaders(HttpHeaders headers, ByteBuf buf) {
            HeaderLines.write(headers, buf);
        }
    }

    /**
     * Matches each final response with the method of the request it answers. A plain head is read as a
     * {@link RawResponseHead} with its body by length; every other goes to Netty's decoder, whose headers skip Netty's
     * validation on every add and set: {@link HeadScan} checks each raw head once, and a bad one fails like Netty's
     * own failures.
     */
    static final class ResponseDecoder extends HttpResponseDecoder {

        private static final HttpHeadersFactory CHECKED_HEADERS = DefaultHttpHeadersFactory.headersFactory().withValidation(false);
        /** The status Netty gives a response it could not decode. */
        private static final HttpResponseStatus UNDECODABLE = new HttpResponseStatus(999, "Unknown");

        private final Queue<HttpMethod> methods;
        private final HeadGate gate;
        private final RawResponseHeadParser rawHeads;
        /** The body of a response read as a {@link RawResponseHead}. */
        private final LengthFramedBody rawBody;

        ResponseDecoder(HttpDecoderConfig config, Queue<HttpMethod> methods) {
            super(config.setHeadersFactory(CHECKED_HEADERS));
            this.methods = methods;
            this.gate = new HeadGate(config, HeadScan::response);
            this.rawHeads = new RawResponseHeadParser(config.getMaxInitialLineLength(), config.getMaxHeaderSize());
            this.rawBody = new LengthFramedBody(config.getMaxChunkSize());
        }

        @Override
        protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) throws Exception {
            if (rawBody.reading()) {
                rawBody.read(in, out, gate);
                return;
            }
            if (gate.atHead()) {
                RawResponseHead head = rawHeads.parse(in, HttpMethod.HEAD.equals(methods.peek()));
                if (head != null) {
                    startRawBody(head, out);
                    return;
                }
            }
            HeadGate.Step step = gate.before(in);
            if (step == HeadGate.Step.REFUSE) {
                FullHttpResponse invalid = new DefaultFullHttpResponse(HttpVersion.HTTP_1_0, UNDECODABLE);
                invalid.setDecoderResult(DecoderResult.failure(new IllegalArgumentException(gate.problem())));
                out.add(invalid);
            }
            if (step != HeadGate.Step.DECODE) {
                return;
            }
            int from = out.size();
            super.decode(ctx, in, out);
            for (int i = from; i < out.size(); i++) {
                Trailers.drop(out.get(i));
                gate.decoded(out.get(i));
            }
        }

        boolean holdsUnreadBytes() {
            return actualReadableBytes() > 0;
        }

        /** Emits the head, then its body is read by length: Netty's decoder has no part in this response. */
        private void startRawBody(RawResponseHead head, List<Object> out) {
            out.add(head);
            gate.decoded(head);
            // The parser framed the body knowing the method (peeked): the head has answered it now.
            methods.poll();
            rawBody.begin(head.bodyLength(), out, gate);
        }

        /** RFC 9112 6.3: a 1xx, 204, 304 or an answer to HEAD ends at its head, whatever its Content-Length says. */
        @Override
        protected boolean isContentAlwaysEmpty(HttpMessage msg) {
            if (((HttpResponse) msg).status().codeClass() == HttpStatusClass.INFORMATIONAL) {
                // Not Netty's exception for a Hixie-76 101 with a body: the gateway never asks to switch protocols.
                return true;
            }
            // A backend answering twice gets no method: its extra response is framed by its own headers.
            return HttpMethod.HEAD.equals(methods.poll()) || super.isContentAlwaysEmpty(msg);
        }
    }
}
