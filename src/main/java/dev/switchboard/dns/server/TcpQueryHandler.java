package dev.switchboard.dns.server;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.concurrent.Future;
import java.net.InetSocketAddress;
import java.util.ArrayDeque;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers the length-delimited queries of one TCP connection in order, one at a time: the connection does not read
 * by itself, the queries one read decoded wait here, and the socket is read again only once every one of them is
 * answered and the last answer has gone to the socket. A client that pipelines queries and never reads its answers
 * so costs one pending answer and at most one read's worth of queries, not one answer per query (a 64 KiB read of
 * small queries for a large answer had queued megabytes per connection). Closes the connection on a message without
 * a readable header ({@link TcpQueryDeadline} closes a slow or stalled one).
 *
 * <p>This queue replaces Netty's FlowControlHandler, which since 4.2.15 forgets a {@code read()} asked for while a
 * read is being handled (netty#17050), so the second query on a connection was never answered.
 */
final class TcpQueryHandler extends ChannelInboundHandlerAdapter {

    private static final Logger LOG = LoggerFactory.getLogger(TcpQueryHandler.class);

    private final QueryAnswerer answerer;
    private final ArrayDeque<ByteBuf> waiting = new ArrayDeque<>();
    /** An answer is on its way to the socket. */
    private boolean answering;
    /** {@link #answerWaiting} is on the stack: a write that completes at once must not recurse into it. */
    private boolean draining;

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
        waiting.add((ByteBuf) msg);
        answerWaiting(ctx);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        releaseWaiting();
        ctx.fireChannelInactive();
    }

    @Override
    public void handlerRemoved(ChannelHandlerContext ctx) {
        releaseWaiting();
    }

    /** Answers waiting queries while no answer is in flight; asks the socket for more once none is left. */
    private void answerWaiting(ChannelHandlerContext ctx) {
        if (draining) {
            return;
        }
        draining = true;
        try {
            while (!answering && !waiting.isEmpty() && ctx.channel().isOpen()) {
                answer(ctx, waiting.poll());
            }
        } finally {
            draining = false;
        }
        if (!answering && waiting.isEmpty() && ctx.channel().isOpen()) {
            ctx.read();
        }
    }

    private void answer(ChannelHandlerContext ctx, ByteBuf query) {
        byte[] response;
        try {
            response = answerer.answer(query.nioBuffer(), ((InetSocketAddress) ctx.channel().remoteAddress()).getAddress(), true);
        } finally {
            query.release();
        }
        if (response == null) {
            ctx.close();
            return;
        }
        answering = true;
        ctx.writeAndFlush(Unpooled.wrappedBuffer(response)).addListener(written -> answered(ctx, written));
    }

    private void answered(ChannelHandlerContext ctx, Future<?> written) {
        answering = false;
        if (written.isSuccess()) {
            answerWaiting(ctx);
        } else {
            ctx.close();
        }
    }

    private void releaseWaiting() {
        for (ByteBuf query = waiting.poll(); query != null; query = waiting.poll()) {
            query.release();
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        LOG.debug("dns tcp {}: {}", ctx.channel().remoteAddress(), cause.toString());
        ctx.close();
    }
}
