package dev.switchboard.telemetry.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.AbstractByteBufAllocator;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * An Error while allocating one connection's read buffer (as OutOfDirectMemoryError did under a flood) ends that
 * connection, not the admin listener's event loop.
 */
class AdminTransportTest {

    /** Fails every allocation, as an exhausted direct memory budget does. */
    private static final class ExhaustedAllocator extends AbstractByteBufAllocator {
        ExhaustedAllocator() {
            super(true);
        }

        @Override
        public boolean isDirectBufferPooled() {
            return false;
        }

        @Override
        protected ByteBuf newDirectBuffer(int initialCapacity, int maxCapacity) {
            throw new OutOfMemoryError("test: direct memory exhausted");
        }

        @Override
        protected ByteBuf newHeapBuffer(int initialCapacity, int maxCapacity) {
            throw new OutOfMemoryError("test: memory exhausted");
        }
    }

    /** Answers every read with what it read. */
    private static final class Echo extends ChannelInboundHandlerAdapter {
        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            ctx.writeAndFlush(msg);
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            ctx.close();
        }
    }

    @Test
    void anAllocationErrorOnOneConnectionLeavesTheListenerServing() throws Exception {
        EventLoopGroup group = AdminTransport.eventLoopGroup("admin-transport-test");
        AtomicBoolean first = new AtomicBoolean(true);
        try {
            Channel listener = new ServerBootstrap().group(group).channel(AdminTransport.SERVER_CHANNEL)
                    .childHandler(new ChannelInitializer<SocketChannel>() {
                        @Override
                        protected void initChannel(SocketChannel ch) {
                            if (first.getAndSet(false)) {
                                ch.config().setAllocator(new ExhaustedAllocator());
                            }
                            ch.pipeline().addLast(new Echo());
                        }
                    }).bind(new InetSocketAddress("127.0.0.1", 0)).sync().channel();
            int port = ((InetSocketAddress) listener.localAddress()).getPort();
            try (Socket starved = new Socket("127.0.0.1", port)) {
                starved.setSoTimeout(5000);
                starved.getOutputStream().write("hello".getBytes(StandardCharsets.US_ASCII));
                assertThat(readOrReset(starved.getInputStream())).as("the starved connection is closed").isEqualTo(-1);
            }
            try (Socket next = new Socket("127.0.0.1", port)) {
                next.setSoTimeout(5000);
                next.getOutputStream().write("still there?".getBytes(StandardCharsets.US_ASCII));
                assertThat(new String(next.getInputStream().readNBytes(12), StandardCharsets.US_ASCII)).isEqualTo("still there?");
            }
            listener.close().sync();
        } finally {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS).sync();
        }
    }

    private static int readOrReset(InputStream in) throws IOException {
        try {
            return in.read();
        } catch (SocketException reset) {
            return -1;
        }
    }
}
