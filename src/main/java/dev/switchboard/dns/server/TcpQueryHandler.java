package dev.switchboard.dns.server;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.ReferenceCountUtil;
import java.net.InetSocketAddress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers the length-delimited queries of one TCP connection in order, one at a time: the connection does not read
 * by itself, and the next query is asked for only once the last answer has gone to the socket. Behind a
 * {@link io.netty.handler.flow.FlowControlHandler}, which holds back the other queries a read already decoded, a
 * client that pipelines queries and never reads its answers so costs one pending answer, not one per query (a 64 KiB
 * read of small queries for a large answer had queued megabytes per connection). Closes the connection on a message
 * without a readable header ({@link TcpQueryDeadline} closes a slow or stalled one).
 */
final class TcpQueryHandler extends ChannelInboundHandlerAdapter {

    private static final Logger LOG = LoggerFactory.getLogger(TcpQueryHandler.class);

    private final QueryAnswerer answerer;

    TcpQueryHandler(QueryAnswerer answerer) {
        this.answerer = answerer;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        ctx.read();
        ctx.fireChannelActive();
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        ByteBuf frame = (ByteBuf) msg;
        try {
            byte[] response = answerer.answer(frame.nioBuffer(), ((InetSocketAddress) ctx.channel().remoteAddress()).getAddress(), true);
            if (response == null) {
                ctx.close();
                return;
            }
            ctx.writeAndFlush(Unpooled.wrappedBuffer(response)).addListener(written -> {
                if (written.isSuccess()) {
                    ctx.read();
                } else {
                    ctx.close();
                }
            });
        } finally {
            ReferenceCountUtil.release(frame);
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        LOG.debug("dns tcp {}: {}", ctx.channel().remoteAddress(), cause.toString());
        ctx.close();
    }
}
