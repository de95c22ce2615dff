package dev.switchboard.gateway;

import dev.switchboard.netty.Transports;
import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.EventLoop;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.ChannelGroupFuture;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.handler.ssl.SslHandler;
import io.netty.resolver.AddressResolverGroup;
import io.netty.util.concurrent.Future;
import io.netty.util.concurrent.Promise;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Keep-alive connections to backends, owned by one event loop: connections are opened on that loop, so a client
 * request and its backend connection never cross threads, and the pool needs no locks. Only its loop may call it.
 */
final class UpstreamPool {

    /**
     * Shorter than common backend keep-alive timeouts (nginx 75 s, Node 5 s is the exception), so we close first:
     * a pooled connection idle this long goes at the next {@link #SWEEP_PERIOD}, so within 30 to 40 s.
     */
    static final Duration IDLE_TIMEOUT = Duration.ofSeconds(30);
    /**
     * How often idle connections are checked. The pool counts these sweeps instead of reading a clock or watching
     * each connection's reads with an IdleStateHandler, which cost a pipeline hop and a clock read per response
     * (about 1% of the gateway's CPU per request).
     */
    static final Duration SWEEP_PERIOD = Duration.ofSeconds(10);
    /** Sweeps after its release that a connection may stay idle: released within a period, idle at least 30 s. */
    private static final int IDLE_SWEEPS = (int) (IDLE_TIMEOUT.toSeconds() / SWEEP_PERIOD.toSeconds()) + 1;
    private static final int MAX_INITIAL_LINE = 8192;
    private static final int MAX_CHUNK = 64 * 1024;

    /**
     * A connection ready for one request.
     *
     * @param reused true when it came from the pool, so it may have been closed by the backend meanwhile
     */
    record Lease(Channel channel, UpstreamHandler handler, boolean reused) {
    }

    private final EventLoop loop;
    private final UpstreamTls tls;
    private final AddressResolverGroup<InetSocketAddress> resolver;
    private final int maxResponseHeaderSize;
    /** Per backend, idle connections, the most recently released first. */
    private final Map<UpstreamKey, ArrayDeque<Channel>> idle = new HashMap<>();
    /** Every connection the pool opened that is not closed yet, so a shutdown can close and wait for them all. */
    private final ChannelGroup open;
    private final ScheduledFuture<?> sweeper;
    /** Sweeps so far: a connection's release is stamped with it ({@link UpstreamHandler#releasedAtSweep}). */
    private int sweeps;

    UpstreamPool(EventLoop loop, UpstreamTls tls, AddressResolverGroup<InetSocketAddress> resolver, int maxResponseHeaderSize) {
        this.loop = loop;
        this.tls = tls;
        this.resolver = resolver;
        this.maxResponseHeaderSize = maxResponseHeaderSize;
        this.open = new DefaultChannelGroup("upstream", loop);
        long period = SWEEP_PERIOD.toNanos();
        this.sweeper = loop.scheduleAtFixedRate(this::sweepIdle, period, period, TimeUnit.NANOSECONDS);
    }

    EventLoop loop() {
        return loop;
    }

    /** The most recently used idle connection to {@code key}, else a new one (TLS handshake done). */
    Future<Lease> acquire(UpstreamKey key, Duration connectTimeout) {
        Lease idle = pollIdle(key);
        return idle != null ? loop.newSucceededFuture(idle) : connect(key, connectTimeout);
    }

    /** The most recently used idle connection to {@code key}, or null; requests take this path without a future. */
    Lease pollIdle(UpstreamKey key) {
        ArrayDeque<Channel> channels = idle.get(key);
        while (channels != null && !channels.isEmpty()) {
            Channel channel = channels.pollFirst();
            if (!channel.isActive()) {
                continue;
            }
            if (channel.pipeline().get(UpstreamHttpCodec.class).holdsUnreadBytes()) {
                // The backend broke framing: its extra bytes would be read as this request's response.
                channel.close();
            } else {
                return new Lease(channel, handler(channel), true);
            }
        }
        return null;
    }

    /** Returns a connection whose response was read completely and which the backend did not ask to close. */
    void release(Lease lease) {
        lease.handler().detach();
        Channel channel = lease.channel();
        if (channel.isActive()) {
            lease.handler().releasedAtSweep(sweeps);
            idle.computeIfAbsent(lease.handler().key(), k -> new ArrayDeque<>()).addFirst(channel);
            channel.config().setAutoRead(true);
        }
    }

    void forget(UpstreamKey key, Channel channel) {
        ArrayDeque<Channel> channels = idle.get(key);
        if (channels != null) {
            channels.remove(channel);
        }
    }

    /**
     * One sweep: closes the connections released {@link #IDLE_SWEEPS} sweeps ago or earlier. Each backend's idle
     * connections are in release order, so only the stale ones at the tail are looked at.
     */
    void sweepIdle() {
        sweeps++;
        for (ArrayDeque<Channel> channels : idle.values()) {
            Channel oldest;
            while ((oldest = channels.peekLast()) != null
                    && sweeps - handler(oldest).releasedAtSweep() >= IDLE_SWEEPS) {
                channels.pollLast().close();
            }
        }
    }

    /** The last handler of a connection the pool opened (see {@link #bootstrap}). */
    private static UpstreamHandler handler(Channel channel) {
        return (UpstreamHandler) channel.pipeline().last();
    }

    /**
     * Closes every connection, idle or still serving an exchange (used on shutdown); the future completes once all
     * are closed.
     */
    ChannelGroupFuture closeAll() {
        sweeper.cancel(false);
        idle.clear();
        return open.close();
    }

    /**
     * A new connection to {@code key}, ready once connected and, for https, after the TLS handshake.
     *
     * <p>The connect is issued here, on the calling loop, not by {@link Bootstrap#connect}: that queues it as a task,
     * and under load the io_uring loop drains up to 128 rounds of completions before it runs tasks. Measured at 80k
     * requests/s, a connect the kernel finished in 80 µs reached the request 3-7 ms later, and every reconnect after a
     * backend's keep-alive limit put that wait on a request.
     */
    Future<Lease> connect(UpstreamKey key, Duration connectTimeout) {
        Promise<Lease> promise = loop.newPromise();
        UpstreamHandler handler = new UpstreamHandler(this, key);
        ChannelFuture registered = bootstrap(key, handler, connectTimeout).register();
        registered.addListener(r -> {
            if (!r.isSuccess()) {
                promise.tryFailure(r.cause());
                return;
            }
            Channel channel = registered.channel();
            InetSocketAddress address = key.address();
            Future<InetSocketAddress> resolved = address.isUnresolved()
                    ? resolver.getResolver(loop).resolve(address) : loop.newSucceededFuture(address);
            resolved.addListener(a -> {
                if (a.isSuccess()) {
                    connectResolved(channel, resolved.getNow(), handler, promise);
                } else {
                    fail(channel, promise, a.cause());
                }
            });
        });
        return promise;
    }

    private Bootstrap bootstrap(UpstreamKey key, UpstreamHandler handler, Duration connectTimeout) {
        return Transports.readFromRing(new Bootstrap())
                .group(loop)
                .channel(Transports.channelClass())
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) Math.min(Integer.MAX_VALUE, connectTimeout.toMillis()))
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.ALLOCATOR, GatewayRuntime.ALLOCATOR)
                .handler(new ChannelInitializer<>() {
                    @Override
                    protected void initChannel(Channel ch) {
                        open.add(ch);
                        ChannelPipeline p = ch.pipeline();
                        if (key.secure()) {
                            p.addLast(tls.context(key.tls()).newHandler(ch.alloc(), key.host(), key.port()));
                        }
                        p.addLast(new UpstreamHttpCodec(MAX_INITIAL_LINE, maxResponseHeaderSize, MAX_CHUNK));
                        p.addLast(handler);
                    }
                });
    }

    private static void connectResolved(Channel channel, InetSocketAddress address, UpstreamHandler handler,
                                        Promise<Lease> promise) {
        channel.connect(address).addListener(f -> {
            if (!f.isSuccess()) {
                fail(channel, promise, f.cause());
                return;
            }
            SslHandler ssl = channel.pipeline().get(SslHandler.class);
            if (ssl == null) {
                promise.trySuccess(new Lease(channel, handler, false));
                return;
            }
            ssl.handshakeFuture().addListener(h -> {
                if (h.isSuccess()) {
                    promise.trySuccess(new Lease(channel, handler, false));
                } else {
                    fail(channel, promise, h.cause());
                }
            });
        });
    }

    private static void fail(Channel channel, Promise<Lease> promise, Throwable cause) {
        channel.close();
        promise.tryFailure(cause);
    }
}
