package dev.switchboard.netty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.EventLoop;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.uring.IoUring;
import io.netty.channel.uring.IoUringIoHandler;
import io.netty.channel.uring.IoUringServerSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioSocketChannel;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** One real io_uring loop with the coalescing wait, serving echo connections over loopback sockets. */
class CoalescingIoHandlerTest {

    private final List<CoalescingIoHandler> handlers = new CopyOnWriteArrayList<>();
    private MultiThreadIoEventLoopGroup group;
    /** The clients' loop: the loop under test waits for their pings, as a gateway's loop waits for its peers. */
    private final MultiThreadIoEventLoopGroup clientGroup = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    private EventLoop loop;

    @BeforeEach
    void startLoop() {
        assumeTrue(IoUring.isAvailable(), "io_uring is not available here");
        IoHandlerFactory coalescing = CoalescingIoHandler.coalescing(IoUringIoHandler.newFactory());
        group = new MultiThreadIoEventLoopGroup(1, executor -> {
            CoalescingIoHandler handler = (CoalescingIoHandler) coalescing.newHandler(executor);
            handlers.add(handler);
            return handler;
        });
        loop = group.next();
    }

    @AfterEach
    void stopLoop() {
        clientGroup.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        if (group != null) {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        }
    }

    @Test
    void loopsCoalesceUnlessTurnedOff() {
        IoHandlerFactory netty = IoUringIoHandler.newFactory();

        assertThat(CoalescingIoHandler.wrapUnlessOff(netty, null)).isNotSameAs(netty);
        assertThat(CoalescingIoHandler.wrapUnlessOff(netty, "true")).isNotSameAs(netty);
        assertThat(CoalescingIoHandler.wrapUnlessOff(netty, "false")).isSameAs(netty);
        assertThat(CoalescingIoHandler.wrapUnlessOff(netty, "FALSE")).isSameAs(netty);
    }

    @Test
    void itFindsNettysRingAndWaitsOnItItself() throws Exception {
        assertThat(loop.submit(() -> handler().waitsItself()).get(10, TimeUnit.SECONDS))
                .as("Netty's internals still give the ring; after a Netty upgrade, see CoalescingIoHandler.ringFd")
                .isTrue();
    }

    @Test
    void aBusyLoopTriesCoalescingAndEveryEchoComesBackWhole() throws Exception {
        Channel server = new ServerBootstrap().group(group).channel(IoUringServerSocketChannel.class)
                .childHandler(new Echo())
                .bind(new InetSocketAddress("127.0.0.1", 0)).syncUninterruptibly().channel();
        AtomicLong exchanges = new AtomicLong();
        AtomicReference<String> wrong = new AtomicReference<>();
        List<Channel> clients = new ArrayList<>();
        for (int i = 0; i < 32; i++) {
            clients.add(new Bootstrap().group(clientGroup).channel(NioSocketChannel.class)
                    .handler(new PingPong(i, exchanges, wrong))
                    .connect(server.localAddress()).syncUninterruptibly().channel());
        }
        boolean coalesced = false;
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!coalesced && System.nanoTime() < until) {
            coalesced = loop.submit(() -> handler().coalescing()).get(10, TimeUnit.SECONDS);
        }
        long before = exchanges.get();
        long later = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (exchanges.get() < before + 10_000 && System.nanoTime() < later) {
            Thread.onSpinWait();
        }
        for (Channel client : clients) {
            client.close().syncUninterruptibly();
        }
        server.close().syncUninterruptibly();

        assertThat(coalesced).as("32 connections in ping-pong keep the loop busy enough to try coalescing").isTrue();
        assertThat(wrong.get()).isNull();
        assertThat(exchanges.get()).as("echoes go on while coalescing").isGreaterThanOrEqualTo(before + 10_000);
    }

    @Test
    void aQuietLoopStopsCoalescingAndStillRunsScheduledAndForeignTasks() throws Exception {
        aBusyLoopTriesCoalescingAndEveryEchoComesBackWhole();

        boolean afterQuiet = loop.schedule(() -> handler().coalescing(), 30, TimeUnit.MILLISECONDS)
                .get(10, TimeUnit.SECONDS);
        String ranOn = loop.submit(() -> Thread.currentThread().getName()).get(10, TimeUnit.SECONDS);

        assertThat(afterQuiet).as("30 ms idle: it wakes on the first event again").isFalse();
        assertThat(ranOn).isNotEqualTo(Thread.currentThread().getName());
    }

    private CoalescingIoHandler handler() {
        return handlers.getFirst();
    }

    /** Writes back what it reads, after some work on it, so that the loop under test is busier than its clients. */
    private static final class Echo extends ChannelInboundHandlerAdapter {
        private final long[] work = new long[2048];

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            long sum = ((ByteBuf) msg).getByte(0);
            for (int i = 0; i < work.length; i++) {
                sum = sum * 31 + work[i];
                work[i] = sum;
            }
            ctx.writeAndFlush(msg);
        }
    }

    /** Sends an 8-byte counter, checks that the same counter comes back whole, and sends the next. */
    private static final class PingPong extends ChannelInboundHandlerAdapter {
        private final int id;
        private final AtomicLong exchanges;
        private final AtomicReference<String> wrong;
        private long sent;
        private ByteBuf pending;

        PingPong(int id, AtomicLong exchanges, AtomicReference<String> wrong) {
            this.id = id;
            this.exchanges = exchanges;
            this.wrong = wrong;
        }

        @Override
        public void channelActive(ChannelHandlerContext ctx) {
            pending = ctx.alloc().buffer(8);
            ping(ctx);
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            ByteBuf in = (ByteBuf) msg;
            pending.writeBytes(in);
            in.release();
            if (pending.readableBytes() < 8) {
                return;
            }
            long echoed = pending.readLong();
            if (echoed != sent || pending.isReadable()) {
                wrong.compareAndSet(null, "connection " + id + " sent " + sent + ", got " + echoed);
            }
            pending.clear();
            exchanges.incrementAndGet();
            sent++;
            ping(ctx);
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            pending.release();
        }

        private void ping(ChannelHandlerContext ctx) {
            ctx.writeAndFlush(ctx.alloc().buffer(8).writeLong(sent));
        }
    }
}
