package dev.switchboard.telemetry.server;

import dev.switchboard.telemetry.protocol.Protocol;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.util.AttributeKey;
import io.netty.util.ReferenceCountUtil;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Checks origin and token on a request's head, before the aggregator buffers its body: a request without valid
 * credentials is answered 401/403 at once, its body is dropped unread, and the connection closes. Otherwise an
 * unauthenticated client could make the listener hold up to a message's worth of body per connection.
 */
final class AdminGate extends ChannelInboundHandlerAdapter {

    /** The authenticated principal of the request being aggregated; null for {@code /healthz}. */
    static final AttributeKey<Principal> PRINCIPAL = AttributeKey.valueOf(AdminGate.class, "principal");

    private final Authenticator auth;
    private final List<String> allowedOrigins;
    /** Set once a request is refused: the rest of its body is released as it arrives, until the close. */
    private boolean refused;

    AdminGate(Authenticator auth, List<String> allowedOrigins) {
        this.auth = auth;
        this.allowedOrigins = allowedOrigins;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (refused) {
            ReferenceCountUtil.release(msg);
            return;
        }
        if (msg instanceof HttpRequest request && request.decoderResult().isSuccess()) {
            QueryStringDecoder uri = new QueryStringDecoder(request.uri());
            ctx.channel().attr(PRINCIPAL).set(null);
            if (!uri.path().equals("/healthz")) {
                String origin = request.headers().get(HttpHeaderNames.ORIGIN);
                if (origin != null && !allowedOrigins.contains(origin)) {
                    refuse(ctx, msg, HttpResponseStatus.FORBIDDEN, "origin " + origin + " is not in admin.allowedOrigins");
                    return;
                }
                String token = token(request, uri);
                Principal principal = auth.authenticate(token);
                if (principal == null) {
                    refuse(ctx, msg, HttpResponseStatus.UNAUTHORIZED, token == null
                            ? "missing token: send Authorization: Bearer <token> (or ?token=<token>)" : "token not recognised");
                    return;
                }
                ctx.channel().attr(PRINCIPAL).set(principal);
            }
        }
        ctx.fireChannelRead(msg);
    }

    private void refuse(ChannelHandlerContext ctx, Object request, HttpResponseStatus status, String message) {
        refused = true;
        ReferenceCountUtil.release(request);
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status,
                Unpooled.copiedBuffer(Protocol.MAPPER.createObjectNode().put("error", message).toString(), StandardCharsets.UTF_8));
        response.headers().set(HttpHeaderNames.CONTENT_TYPE, "application/json");
        if (status == HttpResponseStatus.UNAUTHORIZED) {
            response.headers().set(HttpHeaderNames.WWW_AUTHENTICATE, "Bearer realm=\"switchboard\"");
        }
        HttpUtil.setContentLength(response, response.content().readableBytes());
        HttpUtil.setKeepAlive(response, false);
        // The rest of the body is still read, and released, so the close is a FIN the client reads after the answer.
        ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
    }

    static String token(HttpRequest request, QueryStringDecoder uri) {
        String header = request.headers().get(HttpHeaderNames.AUTHORIZATION);
        if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return header.substring(7).trim();
        }
        List<String> query = uri.parameters().get("token");
        return query == null || query.isEmpty() ? null : query.getFirst();
    }
}
