package dev.switchboard.netty;

import io.netty.bootstrap.AbstractBootstrap;
import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.ServerChannel;
import io.netty.channel.socket.DatagramChannel;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.uring.IoUringChannelOption;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetSocketAddress;

/**
 * The process's one socket transport, so groups and channel classes always match: io_uring where the kernel allows
 * it, then epoll, then NIO; {@code SWITCHBOARD_TRANSPORT} (or {@code -Dswitchboard.transport}) names one instead.
 */
public final class Transports {

    static final String PROPERTY = "switchboard.transport";
    static final String ENVIRONMENT = "SWITCHBOARD_TRANSPORT";

    /** Chosen on first use; a bad choice is an error at every use, never a half-initialised class. */
    private static volatile Transport selected;

    private Transports() {
    }

    /** The transport every group and channel of this process uses. */
    public static Transport selected() {
        Transport transport = selected;
        if (transport == null) {
            transport = select(System.getProperty(PROPERTY, System.getenv(ENVIRONMENT)));
            selected = transport;
        }
        return transport;
    }

    /** True when a native transport (io_uring or epoll) will be used. */
    public static boolean isNative() {
        return selected().isNative();
    }

    /** A new event loop group of {@code threads} threads whose names start with {@code name}. */
    public static EventLoopGroup eventLoopGroup(int threads, String name) {
        return new MultiThreadIoEventLoopGroup(threads, new DefaultThreadFactory(name), selected().ioHandlerFactory());
    }

    /**
     * Has the channels {@code bootstrap} accepts read from their loop's {@link ReceiveRing}, where it keeps one. Their
     * loops must be {@link #eventLoopGroup}'s: io_uring fails to register a channel naming a ring its loop lacks.
     */
    public static ServerBootstrap readFromRing(ServerBootstrap bootstrap) {
        return selected().receiveRing()
                ? bootstrap.childOption(IoUringChannelOption.IO_URING_BUFFER_GROUP_ID, ReceiveRing.GROUP_ID)
                : bootstrap;
    }

    /** As {@link #readFromRing(ServerBootstrap)}, for the channels {@code bootstrap} opens. */
    public static Bootstrap readFromRing(Bootstrap bootstrap) {
        return selected().receiveRing()
                ? bootstrap.option(IoUringChannelOption.IO_URING_BUFFER_GROUP_ID, ReceiveRing.GROUP_ID)
                : bootstrap;
    }

    public static Class<? extends ServerChannel> serverChannelClass() {
        return selected().serverChannelClass();
    }

    public static Class<? extends SocketChannel> channelClass() {
        return selected().channelClass();
    }

    public static Class<? extends DatagramChannel> datagramChannelClass() {
        return selected().datagramChannelClass();
    }

    /**
     * The transport {@code label} names (null or blank: the best available). One that is named but not available
     * here is an error that says why, not a silent fall-back the operator would misread in a benchmark.
     */
    static Transport select(String label) {
        if (label == null || label.isBlank()) {
            for (Transport transport : Transport.values()) {
                if (transport.available()) {
                    return transport;
                }
            }
        }
        Transport named = Transport.named(label.strip());
        if (!named.available()) {
            throw new IllegalStateException(ENVIRONMENT + "=" + named.label() + ": not available here: "
                    + named.unavailabilityCause());
        }
        return named;
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
        if (cause instanceof IOException io) {
            throw cannotListen(address, io);
        }
        if (cause instanceof Error error) {
            throw error;
        }
        throw cause instanceof RuntimeException r ? r : new IllegalStateException(cause);
    }

    /** A failure to bind {@code address}, as {@link #bind} reports it. */
    public static UncheckedIOException cannotListen(InetSocketAddress address, IOException cause) {
        BindException failure = new BindException("cannot listen on " + address + ": " + cause.getMessage());
        failure.initCause(cause);
        return new UncheckedIOException(failure);
    }
}
