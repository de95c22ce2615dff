package dev.switchboard.gateway;

import io.netty.buffer.ByteBuf;
import io.netty.channel.CombinedChannelDuplexHandler;
import io.netty.handler.codec.http.HttpDecoderConfig;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseEncoder;
import io.netty.handler.codec.http.HttpStatusClass;
import io.netty.util.AsciiString;
import java.util.ArrayDeque;
import java.util.Queue;

/**
 * HTTP/1.1 codec of a client connection: Netty's HttpServerCodec with the {@link StrictRequestDecoder} (Netty's
 * codec cannot take another decoder). Like HttpServerCodec, the encoder writes no body for a response to HEAD.
 *
 * <p>The encoder adds {@code Keep-Alive: timeout=N} to every final response that keeps its connection open, so
 * clients stop reusing an idle connection before {@link ClientIdleTimer} closes it instead of finding it closed
 * (issue 11 finding 5). Backends' Keep-Alive headers are hop-by-hop and never reach the client. Here rather than in
 * a handler of its own, which cost a pipeline hop on every write.
 */
final class ClientHttpCodec extends CombinedChannelDuplexHandler<StrictRequestDecoder, HttpResponseEncoder> {

    private static final AsciiString KEEP_ALIVE = AsciiString.cached("keep-alive");
    private static final AsciiString KEEP_ALIVE_VALUE =
            AsciiString.cached("timeout=" + GatewayChannelInitializer.CLIENT_IDLE_TIMEOUT.toSeconds());

    ClientHttpCodec(int maxInitialLine, int maxHeaderSize, int maxChunk) {
        Queue<HttpMethod> methods = new ArrayDeque<>();
        init(new StrictRequestDecoder(new HttpDecoderConfig()
                        .setMaxInitialLineLength(maxInitialLine)
                        .setMaxHeaderSize(maxHeaderSize)
                        .setMaxChunkSize(maxChunk), methods),
                new ResponseEncoder(methods));
    }

    /** Matches each final response with the method of the request it answers, in order. */
    private static final class ResponseEncoder extends HttpResponseEncoder {

        private final Queue<HttpMethod> methods;

        ResponseEncoder(Queue<HttpMethod> methods) {
            this.methods = methods;
        }

        @Override
        protected boolean isContentAlwaysEmpty(HttpResponse response) {
            if (response.status().codeClass() == HttpStatusClass.INFORMATIONAL) {
                return super.isContentAlwaysEmpty(response);
            }
            return HttpMethod.HEAD.equals(methods.poll()) || super.isContentAlwaysEmpty(response);
        }

        @Override
        protected void sanitizeHeadersBeforeEncode(HttpResponse response, boolean isAlwaysEmpty) {
            super.sanitizeHeadersBeforeEncode(response, isAlwaysEmpty);
            if (response.status().codeClass() != HttpStatusClass.INFORMATIONAL
                    && !response.headers().containsValue(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE, true)) {
                response.headers().set(KEEP_ALIVE, KEEP_ALIVE_VALUE);
            }
        }

        /** A backend's raw head brings its status line and header lines; the headers after them are the gateway's. */
        @Override
        protected void encodeInitialLine(ByteBuf buf, HttpResponse response) throws Exception {
            if (response instanceof RawResponseHead raw) {
                raw.writeLines(buf);
            } else if (response instanceof RawFullResponse full) {
                full.writeLines(buf);
            } else {
                super.encodeInitialLine(buf, response);
            }
        }

        /** Netty's bytes, without its charset look-ups ({@link HeaderLines}). */
        @Override
        protected void encodeHeaders(HttpHeaders headers, ByteBuf buf) {
            HeaderLines.write(headers, buf);
        }
    }
}
