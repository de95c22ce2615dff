package dev.switchboard.sim;

import dev.switchboard.netty.Transports;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpServerExpectContinueHandler;
import io.netty.handler.stream.ChunkedWriteHandler;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * A real HTTP/1.1 server standing in for one backend of a pool; its {@link SimBehavior} changes at runtime
 * through this API or the JSON control endpoint under {@code /_sim/} (format in {@code SimBehaviorJson}).
 */
public final class SimBackend implements AutoCloseable {

    private static final int THREADS = 2;

    private final String name;
    private final AtomicReference<SimBehavior> behavior;
    private final SimCounters counters = new SimCounters();
    private final EventLoopGroup group;
    private final SimListener listener;
    // Binding and unbinding block, so they run here, one at a time, never on an event loop.
    private final ExecutorService listenerThread;
    private final ServerBootstrap controlBootstrap;
    private volatile InetSocketAddress address;
    private Channel controlServer;

    public SimBackend(String name) {
        this(name, SimBehavior.defaults());
    }

    public SimBackend(String name, SimBehavior initial) {
        this.name = Objects.requireNonNull(name, "name");
        this.behavior = new AtomicReference<>(Objects.requireNonNull(initial, "initial"));
        this.group = Transports.eventLoopGroup(THREADS, "sim-" + name);
        this.listenerThread = Executors.newSingleThreadExecutor(new DefaultThreadFactory("sim-" + name + "-listener"));
        ChannelGroup connections = new DefaultChannelGroup(name, group.next());
        this.listener = new SimListener(bootstrap(false, connections), connections);
        this.controlBootstrap = bootstrap(true, null);
    }

    public String name() {
        return name;
    }

    /** Starts serving on {@code listen} (port 0 picks a free port) without a separate control port. */
    public void start(InetSocketAddress listen) {
        start(listen, null);
    }

    /**
     * Starts serving on {@code listen} and, when {@code control} is not null, the control endpoint alone on
     * {@code control} so it stays reachable while connections to the main port are refused.
     */
    public synchronized void start(InetSocketAddress listen, InetSocketAddress control) {
        if (address != null) {
            throw new IllegalStateException("sim-backend " + name + " is already started");
        }
        address = onListenerThread(() -> {
            InetSocketAddress bound = listener.bind(listen);
            if (behavior.get().refuseConnections()) {
                listener.unbind(null);
            }
            return bound;
        });
        if (control != null) {
            controlServer = onListenerThread(() -> controlBootstrap.bind(control).syncUninterruptibly().channel());
        }
    }

    /** The main address as bound (with the real port), also while connections are refused. */
    public InetSocketAddress address() {
        InetSocketAddress bound = address;
        if (bound == null) {
            throw new IllegalStateException("sim-backend " + name + " is not started");
        }
        return bound;
    }

    public int port() {
        return address().getPort();
    }

    /** The control port's bound address, if one was requested. */
    public synchronized Optional<InetSocketAddress> controlAddress() {
        return Optional.ofNullable(controlServer).map(c -> (InetSocketAddress) c.localAddress());
    }

    public SimBehavior behavior() {
        return behavior.get();
    }

    public SimCounters counters() {
        return counters;
    }

    /** Replaces the behaviour; once started, returns only after the listening socket matches it. */
    public SimBehavior setBehavior(SimBehavior next) {
        Objects.requireNonNull(next, "next");
        return updateBehavior(current -> next);
    }

    /** Atomically changes the behaviour; once started, returns only after the listening socket matches it. */
    public SimBehavior updateBehavior(UnaryOperator<SimBehavior> change) {
        return join(change(change, null));
    }

    /** Restores the default behaviour and zeroes the counters. */
    public SimBehavior reset() {
        return join(resetAsync(null));
    }

    /** Stops listening, drops all connections and releases the threads. */
    @Override
    public synchronized void close() {
        listenerThread.shutdownNow();
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
    }

    /**
     * Changes the behaviour, then makes the listening socket match it. {@code keep} is a connection that
     * must survive an unbind because it still has to carry the answer to the request that asked for it.
     */
    CompletableFuture<SimBehavior> change(UnaryOperator<SimBehavior> change, Channel keep) {
        SimBehavior next = behavior.updateAndGet(change);
        return CompletableFuture.supplyAsync(() -> {
            reconcileListener(keep);
            return next;
        }, listenerThread);
    }

    CompletableFuture<SimBehavior> resetAsync(Channel keep) {
        counters.reset();
        return change(current -> SimBehavior.defaults(), keep);
    }

    private void reconcileListener(Channel keep) {
        if (address == null) {
            return;
        }
        boolean refuse = behavior.get().refuseConnections();
        if (refuse && listener.bound()) {
            listener.unbind(keep);
        } else if (!refuse && !listener.bound()) {
            listener.rebind();
        }
    }

    private ServerBootstrap bootstrap(boolean controlOnly, ChannelGroup connections) {
        return new ServerBootstrap()
                .group(group)
                .channel(Transports.serverChannelClass())
                .option(ChannelOption.SO_REUSEADDR, true)
                .option(ChannelOption.SO_BACKLOG, 1024)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(new ChannelInitializer<>() {
                    @Override
                    protected void initChannel(Channel ch) {
                        if (connections != null) {
                            connections.add(ch);
                        }
                        ch.pipeline().addLast(
                                new HttpServerCodec(),
                                new HttpServerExpectContinueHandler(),
                                new ChunkedWriteHandler(),
                                new SimHandler(SimBackend.this, controlOnly));
                    }
                });
    }

    private <T> T onListenerThread(Supplier<T> task) {
        return join(CompletableFuture.supplyAsync(task, listenerThread));
    }

    private static <T> T join(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            // Netty rethrows bind failures (checked IOExceptions) undeclared; give callers an unchecked one.
            throw switch (e.getCause()) {
                case RuntimeException cause -> cause;
                case IOException cause -> new UncheckedIOException(cause.getMessage(), cause);
                default -> e;
            };
        }
    }
}
