package dev.switchboard.sim;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.group.ChannelGroup;
import java.net.InetSocketAddress;

/**
 * The main listening socket and the connections it accepted. Unbinding really closes the socket so
 * connects are refused; rebinding reuses the port first bound. Not thread-safe: SimBackend calls it
 * from a single thread.
 */
final class SimListener {

    private final ServerBootstrap bootstrap;
    private final ChannelGroup connections;
    private InetSocketAddress address;
    private Channel server;

    SimListener(ServerBootstrap bootstrap, ChannelGroup connections) {
        this.bootstrap = bootstrap;
        this.connections = connections;
    }

    /** Binds {@code requested} (port 0 picks one) and returns the bound address. */
    InetSocketAddress bind(InetSocketAddress requested) {
        server = bootstrap.bind(requested).syncUninterruptibly().channel();
        address = (InetSocketAddress) server.localAddress();
        return address;
    }

    /** Binds the address of the first bind again. */
    void rebind() {
        bind(address);
    }

    /** Stops listening and drops accepted connections except {@code keep}, which is closed by its own handler. */
    void unbind(Channel keep) {
        server.close().syncUninterruptibly();
        server = null;
        connections.close(channel -> channel != keep).syncUninterruptibly();
    }

    boolean bound() {
        return server != null;
    }
}
