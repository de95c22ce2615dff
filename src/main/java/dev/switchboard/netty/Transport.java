package dev.switchboard.netty;

import io.netty.channel.IoHandlerFactory;
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
import io.netty.channel.uring.IoUring;
import io.netty.channel.uring.IoUringDatagramChannel;
import io.netty.channel.uring.IoUringServerSocketChannel;
import io.netty.channel.uring.IoUringSocketChannel;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * A socket transport: its event loops and the channel classes that run on them. A constant holds its classes but
 * neither initialises them nor asks its native library anything until {@link #available()} is called, so a transport
 * the platform lacks costs nothing.
 */
public enum Transport {

    /**
     * Linux io_uring: a loop's reads and writes go to the kernel in one batch per turn instead of a system call
     * each, which took 1.7 µs of kernel time off each proxied request on loopback (issue 15). Each loop keeps a
     * {@link ReceiveRing} where the kernel can.
     */
    IO_URING("io_uring", IoUring::isAvailable, IoUring::unavailabilityCause, ReceiveRing::handlerFactory,
            IoUringServerSocketChannel.class, IoUringSocketChannel.class, IoUringDatagramChannel.class),
    EPOLL("epoll", Epoll::isAvailable, Epoll::unavailabilityCause, EpollIoHandler::newFactory,
            EpollServerSocketChannel.class, EpollSocketChannel.class, EpollDatagramChannel.class),
    NIO("nio", () -> true, () -> null, NioIoHandler::newFactory,
            NioServerSocketChannel.class, NioSocketChannel.class, NioDatagramChannel.class);

    private final String label;
    private final BooleanSupplier available;
    private final Supplier<Throwable> unavailabilityCause;
    private final Supplier<IoHandlerFactory> ioHandlerFactory;
    private final Class<? extends ServerChannel> serverChannelClass;
    private final Class<? extends SocketChannel> channelClass;
    private final Class<? extends DatagramChannel> datagramChannelClass;

    Transport(String label, BooleanSupplier available, Supplier<Throwable> unavailabilityCause,
              Supplier<IoHandlerFactory> ioHandlerFactory, Class<? extends ServerChannel> serverChannelClass,
              Class<? extends SocketChannel> channelClass, Class<? extends DatagramChannel> datagramChannelClass) {
        this.label = label;
        this.available = available;
        this.unavailabilityCause = unavailabilityCause;
        this.ioHandlerFactory = ioHandlerFactory;
        this.serverChannelClass = serverChannelClass;
        this.channelClass = channelClass;
        this.datagramChannelClass = datagramChannelClass;
    }

    /** The name operators use ({@code SWITCHBOARD_TRANSPORT}) and the logs print. */
    public String label() {
        return label;
    }

    /** Whether this transport's loops keep a {@link ReceiveRing} that stream channels can read from. */
    boolean receiveRing() {
        return this == IO_URING && ReceiveRing.supported();
    }

    /** Native transports can bind several UDP sockets to one port (SO_REUSEPORT), one per event loop. */
    public boolean isNative() {
        return this != NIO;
    }

    boolean available() {
        return available.getAsBoolean();
    }

    /** Why {@link #available()} is false; null when it is true. */
    Throwable unavailabilityCause() {
        return unavailabilityCause.get();
    }

    IoHandlerFactory ioHandlerFactory() {
        return ioHandlerFactory.get();
    }

    Class<? extends ServerChannel> serverChannelClass() {
        return serverChannelClass;
    }

    Class<? extends SocketChannel> channelClass() {
        return channelClass;
    }

    Class<? extends DatagramChannel> datagramChannelClass() {
        return datagramChannelClass;
    }

    /** The transport labelled {@code label}; an error listing the labels for anything else. */
    static Transport named(String label) {
        for (Transport transport : values()) {
            if (transport.label.equals(label)) {
                return transport;
            }
        }
        throw new IllegalArgumentException("unknown transport '" + label + "': expected io_uring, epoll or nio");
    }
}
