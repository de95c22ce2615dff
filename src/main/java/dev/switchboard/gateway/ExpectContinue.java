package dev.switchboard.gateway;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;

/**
 * {@code Expect: 100-continue} (RFC 9110 section 10.1.1), answered by the gateway: a 100 (Continue) as the request
 * becomes the connection's exchange, and the expectation taken off the request, since the gateway reads the body
 * whatever the backend would say. Answered when the request is dispatched, not when its head is read, so a
 * pipelined request's 100 never comes before the final response of the one ahead of it.
 */
final class ExpectContinue {

    private ExpectContinue() {
    }

    static void answer(ChannelHandlerContext ctx, HttpRequest request) {
        if (HttpUtil.is100ContinueExpected(request)) {
            request.headers().remove(HttpHeaderNames.EXPECT);
            ctx.writeAndFlush(new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.CONTINUE,
                    Unpooled.EMPTY_BUFFER)).addListener(ChannelFutureListener.CLOSE_ON_FAILURE);
        }
    }
}
