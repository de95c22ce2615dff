package dev.switchboard.netty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.uring.IoUring;
import io.netty.channel.uring.IoUringChannelOption;
import java.io.ByteArrayOutputStream;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class TransportsTest {

    @Test
    void groupAndChannelClassesWorkTogether() {
        EventLoopGroup group = Transports.eventLoopGroup(1, "transports-test");
        try {
            Channel server = new ServerBootstrap().group(group).channel(Transports.serverChannelClass())
                    .childHandler(new ChannelInboundHandlerAdapter())
                    .bind(new InetSocketAddress("127.0.0.1", 0)).syncUninterruptibly().channel();
            Channel client = new Bootstrap().group(group).channel(Transports.channelClass())
                    .handler(new ChannelInboundHandlerAdapter())
                    .connect(server.localAddress()).syncUninterruptibly().channel();

            assertThat(client.isActive()).isTrue();
            assertThat(client.getClass()).isEqualTo(Transports.selected().channelClass());
            client.close().syncUninterruptibly();
            server.close().syncUninterruptibly();
        } finally {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        }
    }

    @Test
    void channelsReadingFromTheReceiveRingGetEveryByteInOrder() throws Exception {
        byte[] sent = new byte[3 * 1024 * 1024 + 7];
        for (int i = 0; i < sent.length; i++) {
            sent[i] = (byte) (i * 31 + i / 4096);
        }
        EventLoopGroup group = Transports.eventLoopGroup(1, "transports-test");
        try {
            Channel server = Transports.readFromRing(new ServerBootstrap()).group(group).channel(Transports.serverChannelClass())
                    .childHandler(new Echo())
                    .bind(new InetSocketAddress("127.0.0.1", 0)).syncUninterruptibly().channel();
            Collector collector = new Collector(sent.length);
            Channel client = Transports.readFromRing(new Bootstrap()).group(group).channel(Transports.channelClass())
                    .handler(collector)
                    .connect(server.localAddress()).syncUninterruptibly().channel();
            for (int from = 0; from < sent.length; from += 100_000) {
                client.write(Unpooled.wrappedBuffer(sent, from, Math.min(100_000, sent.length - from)));
            }
            client.flush();

            assertThat(collector.received.get(30, TimeUnit.SECONDS)).isEqualTo(sent);
            if (Transports.selected().receiveRing()) {
                assertThat(client.config().getOption(IoUringChannelOption.IO_URING_BUFFER_GROUP_ID)).isEqualTo(ReceiveRing.GROUP_ID);
            }
            client.close().syncUninterruptibly();
            server.close().syncUninterruptibly();
        } finally {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        }
    }

    /** Writes back what it reads. */
    private static final class Echo extends ChannelInboundHandlerAdapter {
        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            ctx.write(msg);
        }

        @Override
        public void channelReadComplete(ChannelHandlerContext ctx) {
            ctx.flush();
        }
    }

    /** Keeps what it reads until {@code expected} bytes came. */
    private static final class Collector extends ChannelInboundHandlerAdapter {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private final int expected;
        final CompletableFuture<byte[]> received = new CompletableFuture<>();

        Collector(int expected) {
            this.expected = expected;
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            ByteBuf buf = (ByteBuf) msg;
            try {
                buf.readBytes(bytes, buf.readableBytes());
            } catch (java.io.IOException e) {
                received.completeExceptionally(e);
            } finally {
                buf.release();
            }
            if (bytes.size() >= expected) {
                received.complete(bytes.toByteArray());
            }
        }
    }

    @Test
    void theBestAvailableTransportIsChosenUnlessOneIsNamed() {
        Transport best = IoUring.isAvailable() ? Transport.IO_URING : Epoll.isAvailable() ? Transport.EPOLL : Transport.NIO;

        assertThat(Transports.select(null)).isEqualTo(best);
        assertThat(Transports.select(" ")).isEqualTo(best);
        assertThat(Transports.select("nio")).isEqualTo(Transport.NIO);
        assertThat(Transports.select(" nio ")).isEqualTo(Transport.NIO);
    }

    @Test
    void anUnknownTransportIsAnErrorListingTheKnownOnes() {
        assertThatThrownBy(() -> Transports.select("kqueue"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown transport 'kqueue': expected io_uring, epoll or nio");
    }

    @Test
    void aPortInUseIsABindExceptionNamingTheAddress() {
        EventLoopGroup group = Transports.eventLoopGroup(1, "transports-test");
        try {
            ServerBootstrap bootstrap = new ServerBootstrap().group(group).channel(Transports.serverChannelClass())
                    .childHandler(new ChannelInboundHandlerAdapter());
            Channel first = Transports.bind(bootstrap, new InetSocketAddress("127.0.0.1", 0));
            InetSocketAddress taken = (InetSocketAddress) first.localAddress();

            assertThatThrownBy(() -> Transports.bind(bootstrap, taken))
                    .isInstanceOf(UncheckedIOException.class)
                    .hasCauseInstanceOf(BindException.class)
                    .hasMessageContaining("cannot listen on " + taken);
            first.close().syncUninterruptibly();
        } finally {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        }
    }
}
