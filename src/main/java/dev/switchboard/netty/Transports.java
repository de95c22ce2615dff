package dev.switchboard.netty;

import io.netty.bootstrap.AbstractBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.ServerChannel;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollDatagramChannel;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.DatagramChannel;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioDatagramChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetSocketAddress;

/** Picks native epoll when the platform supports it, NIO otherwise, so groups and channel classes always match. */
public final class Transports {

    private Transports() {
    }

    /** True when the native epoll transport is loaded and will be used. */
    public static boolean isNative() {
        return Epoll.isAvailable();
    }

    /** A new event loop group of {@code threads} threads whose names start with {@code name}. */
    public static EventLoopGroup eventLoopGroup(int threads, String name) {
        return new MultiThreadIoEventLoopGroup(threads, new DefaultThreadFactory(name), ioHandlerFactory());
    }

    public static Class<? extends ServerChannel> serverChannelClass() {
        return isNative() ? EpollServerSocketChannel.class : NioServerSocketChannel.class;
    }

    public static Class<? extends SocketChannel> channelClass() {
        return isNative() ? EpollSocketChannel.class : NioSocketChannel.class;
    }

    public static Class<? extends DatagramChannel> datagramChannelClass() {
        return isNative() ? EpollDatagramChannel.class : NioDatagramChannel.class;
    }

    /**
     * Binds and waits. Any I/O failure (port in use, address not assignable, permission) surfaces as a
     * {@link BindException} naming the address, inside an {@link UncheckedIOException}: the native transport
     * reports these as its own exception type, which callers could not tell from other failures.
     */
    public static Channel bind(AbstractBootstrap<?, ?> bootstrap, InetSocketAddress address) {
        ChannelFuture bound = bootstrap.bind(address).awaitUninterruptibly();
        if (bound.isSuccess()) {
            return bound.channel();
        }
        Throwable cause = bound.cause();
        if (cause instanceof IOException) {
            BindException failure = new BindException("cannot listen on " + address + ": " + cause.getMessage());
            failure.initCause(cause);
            throw new UncheckedIOException(failure);
        }
        if (cause instanceof Error error) {
            throw error;
        }
        throw cause instanceof RuntimeException r ? r : new IllegalStateException(cause);
    }

    private static IoHandlerFactory ioHandlerFactory() {
        return isNative() ? EpollIoHandler.newFactory() : NioIoHandler.newFactory();
    }
}
