package dev.switchboard.gateway;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.DecoderResult;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.DefaultHttpHeadersFactory;
import io.netty.handler.codec.http.HttpDecoderConfig;
import io.netty.handler.codec.http.HttpHeadersFactory;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpRequestDecoder;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;
import java.util.List;
import java.util.Queue;

/**
 * The client's request decoder. The request a proxy sees nearly always (HTTP/1.1, a plain Content-Length or no body,
 * well-formed CRLF lines) is read in one pass by {@link RawRequestHeadParser}, its body by length. Every other head
 * goes to Netty's decoder, refusing obsolete line folding (RFC 9112 section 5.2): Netty unfolds silently and the
 * decoded headers keep no trace of it, while a backend or another proxy may read a fold differently, a smuggling
 * vector. So such a head is checked raw ({@link HeadScan}) before Netty parses it ({@link HeadGate}), in the same pass
 * as the header syntax Netty's validating headers would check on every add and set.
 *
 * <p>It also queues each request's method for the response encoder, which must know which responses answer HEAD,
 * and refuses a request decoded while {@link #MAX_PIPELINED} wait for their responses.
 */
final class StrictRequestDecoder extends HttpRequestDecoder {

    /**
     * Requests decoded ahead of their responses, at most (HttpServerCodec's limit too): the frontend stops reading
     * behind a pipelined request, but one read can hold thousands of small ones.
     */
    static final int MAX_PIPELINED = 128;

    /**
     * Headers without Netty's validation on every add and set: {@link HeadScan} has checked the raw head with the
     * same rules ({@link HeaderSyntax}) in the pass made for folds anyway. Trailers keep Netty's validating factory.
     */
    private static final HttpHeadersFactory CHECKED_HEADERS = DefaultHttpHeadersFactory.headersFactory().withValidation(false);

    private final HeadGate gate;
    private final Queue<HttpMethod> methods;
    private final RawRequestHeadParser rawHeads;
    /** The body of a request {@link RawRequestHeadParser} read. */
    private final LengthFramedBody rawBody;

    StrictRequestDecoder(HttpDecoderConfig config, Queue<HttpMethod> methods) {
        super(config.setHeadersFactory(CHECKED_HEADERS));
        this.gate = new HeadGate(config, HeadScan::request);
        this.methods = methods;
        this.rawHeads = new RawRequestHeadParser(config.getMaxInitialLineLength(), config.getMaxHeaderSize());
        this.rawBody = new LengthFramedBody(config.getMaxChunkSize());
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) throws Exception {
        if (rawBody.reading()) {
            rawBody.read(in, out, gate);
            return;
        }
        if (gate.atHead()) {
            HttpRequest head = rawHeads.parse(in);
            if (head != null) {
                startRawBody(head, in, out);
                return;
            }
        }
        switch (gate.before(in)) {
            case WAIT -> {
                return;
            }
            case REFUSE -> {
                refuse(in, out, Problem.malformedRequest(gate.problem()));
                return;
            }
            case DECODE -> {
            }
        }
        int from = out.size();
        super.decode(ctx, in, out);
        for (int i = from; i < out.size(); i++) {
            Object msg = out.get(i);
            if (msg instanceof HttpRequest request) {
                if (methods.size() >= MAX_PIPELINED) {
                    while (out.size() > i) {
                        ReferenceCountUtil.release(out.removeLast());
                    }
                    refuse(in, out, Problem.tooManyPipelined(MAX_PIPELINED));
                    return;
                }
                methods.add(request.method());
            }
            Trailers.drop(msg);
            gate.decoded(msg);
        }
    }

    /**
     * Emits a head {@link RawRequestHeadParser} read; its body is then read by length, without Netty's decoder. A
     * request without a body goes out whole.
     */
    private void startRawBody(HttpRequest head, ByteBuf in, List<Object> out) {
        if (methods.size() >= MAX_PIPELINED) {
            refuse(in, out, Problem.tooManyPipelined(MAX_PIPELINED));
            return;
        }
        methods.add(head.method());
        out.add(head);
        gate.decoded(head);
        if (!(head instanceof LastHttpContent)) {
            rawBody.begin(rawHeads.contentLength(), out, gate);
        }
    }

    /** Like Netty after a bad head: answers with {@code problem} after the requests before, parses nothing more. */
    private void refuse(ByteBuf in, List<Object> out, Problem problem) {
        gate.refuse(in);
        DefaultFullHttpRequest invalid = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.GET, "/bad-request");
        invalid.setDecoderResult(DecoderResult.failure(new RejectedRequest(problem, false)));
        methods.add(HttpMethod.GET);
        out.add(invalid);
    }
}
