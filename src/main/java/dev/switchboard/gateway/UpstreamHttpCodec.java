package dev.switchboard.gateway;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.CombinedChannelDuplexHandler;
import io.netty.handler.codec.http.HttpDecoderConfig;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpRequestEncoder;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseDecoder;
import io.netty.handler.codec.http.HttpStatusClass;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Queue;

/**
 * HTTP/1.1 codec of a backend connection: Netty's HttpClientCodec for what the gateway sends (no CONNECT, no
 * upgrade), with request heads written by {@link HeaderLines} (HttpClientCodec's encoder cannot be replaced). Like
 * HttpClientCodec, the decoder reads no body in a response to HEAD.
 */
final class UpstreamHttpCodec extends CombinedChannelDuplexHandler<UpstreamHttpCodec.ResponseDecoder, UpstreamHttpCodec.RequestEncoder> {

    UpstreamHttpCodec(int maxInitialLine, int maxHeaderSize, int maxChunk) {
        Queue<HttpMethod> methods = new ArrayDeque<>();
        init(new ResponseDecoder(new HttpDecoderConfig()
                        .setMaxInitialLineLength(maxInitialLine)
                        .setMaxHeaderSize(maxHeaderSize)
                        .setMaxChunkSize(maxChunk), methods),
                new RequestEncoder(methods));
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

    /** Matches each final response with the method of the request it answers. */
    static final class ResponseDecoder extends HttpResponseDecoder {

        private final Queue<HttpMethod> methods;

        ResponseDecoder(HttpDecoderConfig config, Queue<HttpMethod> methods) {
            super(config);
            this.methods = methods;
        }

        @Override
        protected boolean isContentAlwaysEmpty(HttpMessage msg) {
            if (((HttpResponse) msg).status().codeClass() == HttpStatusClass.INFORMATIONAL) {
                return super.isContentAlwaysEmpty(msg);
            }
            // A backend answering twice gets no method: its extra response is framed by its own headers.
            return HttpMethod.HEAD.equals(methods.poll()) || super.isContentAlwaysEmpty(msg);
        }
    }
}
