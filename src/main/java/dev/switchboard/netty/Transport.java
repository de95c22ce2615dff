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
import io.netty.channel.uring.IoUringIoHandler;
import io.netty.channel.uring.IoUringServerSocketChannel;
import io.netty.channel.uring.IoUringSocketChannel;

/**
 * A socket transport: its event loops and the channel classes that run on them. Each constant touches its own
 * classes only inside its methods, so a transport the platform lacks is never loaded.
 */
public enum Transport {

    /**
     * Linux io_uring: a loop's reads and writes go to the kernel in one batch per turn instead of a system call
     * each, which took 1.7 µs of kernel time off each proxied request on loopback (issue 15).
     */
    IO_URING("io_uring") {
        @Override
        boolean available() {
            return IoUring.isAvailable();
        }

        @Override
        Throwable unavailabilityCause() {
            return IoUring.unavailabilityCause();
        }

        @Override
        IoHandlerFactory ioHandlerFactory() {
            return IoUringIoHandler.newFactory();
        }

        @Override
        Class<? extends ServerChannel> serverChannelClass() {
            return IoUringServerSocketChannel.class;
        }

        @Override
        Class<? extends SocketChannel> channelClass() {
            return IoUringSocketChannel.class;
        }

        @Override
        Class<? extends DatagramChannel> datagramChannelClass() {
            return IoUringDatagramChannel.class;
        }
    },
    EPOLL("epoll") {
        @Override
        boolean available() {
            return Epoll.isAvailable();
        }

        @Override
        Throwable unavailabilityCause() {
            return Epoll.unavailabilityCause();
        }

        @Override
        IoHandlerFactory ioHandlerFactory() {
            return EpollIoHandler.newFactory();
        }

        @Override
        Class<? extends ServerChannel> serverChannelClass() {
            return EpollServerSocketChannel.class;
        }

        @Override
        Class<? extends SocketChannel> channelClass() {
            return EpollSocketChannel.class;
        }

        @Override
        Class<? extends DatagramChannel> datagramChannelClass() {
            return EpollDatagramChannel.class;
        }
    },
    NIO("nio") {
        @Override
        boolean available() {
            return true;
        }

        @Override
        Throwable unavailabilityCause() {
            return null;
        }

        @Override
        IoHandlerFactory ioHandlerFactory() {
            return NioIoHandler.newFactory();
        }

        @Override
        Class<? extends ServerChannel> serverChannelClass() {
            return NioServerSocketChannel.class;
        }

        @Override
        Class<? extends SocketChannel> channelClass() {
            return NioSocketChannel.class;
        }

        @Override
        Class<? extends DatagramChannel> datagramChannelClass() {
            return NioDatagramChannel.class;
        }
    };

    private final String label;

    Transport(String label) {
        this.label = label;
    }

    /** The name operators use ({@code SWITCHBOARD_TRANSPORT}) and the logs print. */
    public String label() {
        return label;
    }

    /** Native transports can bind several UDP sockets to one port (SO_REUSEPORT), one per event loop. */
    public boolean isNative() {
        return this != NIO;
    }

    abstract boolean available();

    /** Why {@link #available()} is false; null when it is true. */
    abstract Throwable unavailabilityCause();

    abstract IoHandlerFactory ioHandlerFactory();

    abstract Class<? extends ServerChannel> serverChannelClass();

    abstract Class<? extends SocketChannel> channelClass();

    abstract Class<? extends DatagramChannel> datagramChannelClass();

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
