package dev.switchboard.telemetry.server;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.ServerChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.util.concurrent.DefaultThreadFactory;

/**
 * The admin listener's transport: always NIO, whatever the data plane uses. NIO allocates a read buffer inside the
 * channel's read and turns a failure there (such as an OutOfDirectMemoryError) into that one channel's exception and
 * close. io_uring allocates it while processing the ring's completions, where the Error escapes the event loop and
 * ends its thread: then /healthz, /metrics, telemetry and control all go silent until a restart. The admin listener
 * carries little traffic, so NIO costs nothing that matters here.
 */
final class AdminTransport {

    static final Class<? extends ServerChannel> SERVER_CHANNEL = NioServerSocketChannel.class;
    static final Class<? extends SocketChannel> CHANNEL = NioSocketChannel.class;

    private AdminTransport() {
    }

    /** The admin listener's one event loop. */
    static EventLoopGroup eventLoopGroup(String name) {
        return new MultiThreadIoEventLoopGroup(1, new DefaultThreadFactory(name), NioIoHandler.newFactory());
    }
}
