package dev.switchboard.fleet;

import dev.switchboard.config.GatewayConfig;
import dev.switchboard.gateway.ConfigApplier;
import dev.switchboard.gateway.ConfigSourceStatus;
import dev.switchboard.gateway.Gateway;
import io.etcd.jetcd.Client;
import io.etcd.jetcd.KV;
import io.etcd.jetcd.Watch;
import io.etcd.jetcd.common.exception.CompactedException;
import io.etcd.jetcd.kv.GetResponse;
import io.etcd.jetcd.kv.TxnResponse;
import io.etcd.jetcd.op.Op;
import io.etcd.jetcd.options.GetOption;
import io.etcd.jetcd.options.PutOption;
import io.etcd.jetcd.options.WatchOption;
import io.etcd.jetcd.support.CloseableClient;
import io.etcd.jetcd.watch.WatchEvent;
import io.etcd.jetcd.watch.WatchResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A gateway's membership of a fleet: follows the fleet's config, keeps its registration on a lease, publishes its
 * open breakers and applies the fleet's breaker quorums. When etcd goes away it keeps serving the config it has,
 * says so (log, {@code /healthz}, {@code /metrics}) and rejoins when etcd is back, resuming the config watch from the
 * last revision it saw, so a change made meanwhile is applied.
 *
 * <p>One session per connection: a lease, watches and keep-alives; a heartbeat read notices a lost etcd. All reactions
 * to etcd run on one thread, so the state they touch needs no locks.
 */
public final class FleetMember implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(FleetMember.class);
    static final Duration HEARTBEAT = Duration.ofMillis(500);
    static final Duration RETRY = Duration.ofMillis(500);

    private final Client client;
    private final FleetAddress address;
    private final FleetKeys keys;
    private final Gateway gateway;
    private final MemberIdentity identity;
    private final MemberState state;
    private final ConfigFollower follower;
    private final QuorumView quorum;
    private final BreakerPublisher breakers;
    private final ExecutorService executor;
    private final Clock clock;
    private final Thread loop;
    private volatile boolean closed;
    private volatile boolean connected;
    /** The current session's lease; 0 before the first. */
    private volatile long lease;
    /** The last registration write queued (member thread only): the next waits for it, so etcd keeps the newest. */
    private CompletableFuture<?> lastRegistration = CompletableFuture.completedFuture(null);

    private FleetMember(Client client, FleetAddress address, Gateway gateway, MemberIdentity identity, StoredConfig initial, Clock clock) {
        this.client = client;
        this.address = address;
        this.keys = new FleetKeys(address.fleet());
        this.gateway = gateway;
        this.identity = identity;
        this.clock = clock;
        this.state = new MemberState(identity, clock, initial);
        this.follower = new ConfigFollower(new ConfigApplier(gateway, localize(identity)), state, address.toString());
        this.quorum = new QuorumView(gateway, keys);
        this.executor = Executors.newSingleThreadExecutor(Thread.ofPlatform().daemon().name("fleet-" + identity.id()).factory());
        this.breakers = new BreakerPublisher(gateway, keys, identity.id(), executor, clock);
        this.loop = Thread.ofPlatform().daemon().name("fleet-session-" + identity.id()).unstarted(this::run);
    }

    /**
     * Joins the fleet with {@code gateway}, which already serves {@code initial} (localized).
     *
     * @param client an etcd client this member owns from now on (closed with it)
     */
    public static FleetMember start(Client client, FleetAddress address, Gateway gateway, MemberIdentity identity, StoredConfig initial,
                                    Clock clock) {
        FleetMember member = new FleetMember(client, address, gateway, identity, initial, clock);
        gateway.engine().addListener(member.breakers);
        member.loop.start();
        return member;
    }

    /** The fleet's config made this gateway's: its own id and, when given, region. */
    public static UnaryOperator<GatewayConfig> localize(MemberIdentity identity) {
        return config -> {
            var settings = config.gateway().withId(identity.id());
            return config.withGateway(identity.region() == null ? settings : settings.withRegion(identity.region()));
        };
    }

    /** True while etcd answers. */
    public boolean connected() {
        return connected;
    }

    /** What this gateway publishes about itself now. */
    public Registration registration() {
        return state.registration();
    }

    private void run() {
        while (!closed) {
            List<AutoCloseable> session = new ArrayList<>();
            try {
                CompletableFuture<Void> broken = open(session);
                report(true, "following the fleet's config; serving revision " + state.revision());
                while (!closed && !broken.isDone()) {
                    Etcd.await(client.getKVClient().get(Etcd.bytes(keys.config()), GetOption.builder().withCountOnly(true).build()),
                            "heartbeat");
                    waitFor(broken, HEARTBEAT);
                }
                broken.getNow(null);
            } catch (RuntimeException e) {
                if (e.getCause() instanceof HistoryCompacted) {
                    LOG.info("fleet {}: etcd compacted the config's history since the revision last seen; caught up at revision {}",
                            address, state.revision());
                } else if (!closed) {
                    report(false, "lost etcd (" + e.getMessage() + "); still serving fleet config revision " + state.revision()
                            + ", rejoining when etcd is back");
                }
            } finally {
                session.forEach(FleetMember::closeQuietly);
                runOnMember(() -> {
                    breakers.detach();
                    quorum.forget();
                    // A write of the ended session may never finish; the next session's must not wait for it.
                    lastRegistration = CompletableFuture.completedFuture(null);
                });
            }
            sleep(RETRY);
        }
    }

    /** Opens a session: lease, registration, config watch resumed after the last revision seen, breaker signals. */
    private CompletableFuture<Void> open(List<AutoCloseable> session) {
        CompletableFuture<Void> broken = new CompletableFuture<>();
        long lease = Etcd.await(client.getLeaseClient().grant(Math.max(1, identity.leaseTtl().toSeconds())), "granting a lease").getID();
        this.lease = lease;
        session.add(client.getLeaseClient().keepAlive(lease, new LeaseKeepAlive(broken)));
        KV kv = client.getKVClient();
        Runnable register = () -> register(kv, lease).whenComplete((ok, error) -> {
            if (error != null) {
                LOG.warn("could not update this gateway's fleet registration: {}", error.toString());
            }
        });
        long resumeAt = state.seenRevision() + 1;
        session.add(client.getWatchClient().watch(Etcd.bytes(keys.config()), WatchOption.builder().withRevision(resumeAt).build(),
                Watch.listener(response -> runOnMember(() -> onConfigEvents(response, register)), error -> {
                    if (error instanceof CompactedException) {
                        // The revisions since the last one seen are gone (routine: etcd compacts its history): take
                        // the current config, then a new session watches on from it. etcd itself is fine.
                        runOnMember(() -> {
                            try {
                                catchUp(kv);
                                broken.completeExceptionally(new HistoryCompacted(error));
                            } catch (RuntimeException e) {
                                broken.completeExceptionally(e);
                            }
                        });
                    } else {
                        broken.completeExceptionally(error);
                    }
                })));
        GetResponse signals = Etcd.await(kv.get(Etcd.bytes(keys.breakersPrefix()), GetOption.builder().isPrefix(true).build()),
                "reading the fleet's breaker signals");
        session.add(client.getWatchClient().watch(Etcd.bytes(keys.breakersPrefix()),
                WatchOption.builder().isPrefix(true).withRevision(signals.getHeader().getRevision() + 1).build(),
                Watch.listener(response -> runOnMember(() -> {
                    response.getEvents().forEach(quorum::onEvent);
                    quorum.recompute();
                }), broken::completeExceptionally)));
        runOnMember(() -> {
            quorum.reset(signals.getKvs());
            breakers.attach(client);
        });
        // On the member thread, after any config the resumed watch applied meanwhile: written from the session
        // thread, a record read before such an apply could reach etcd after the apply's own, and the fleet saw this
        // gateway on the revision before for good (FleetOutageTest failed so in a clean CI run).
        Etcd.await(CompletableFuture.supplyAsync(() -> register(kv, lease), executor).thenCompose(written -> written),
                "registering this gateway");
        return broken;
    }

    private void onConfigEvents(WatchResponse response, Runnable register) {
        boolean changed = false;
        for (WatchEvent event : response.getEvents()) {
            if (event.getEventType() == WatchEvent.EventType.PUT) {
                changed |= follower.offer(FleetStore.stored(event.getKeyValue()));
            } else {
                LOG.warn("the fleet's config key was deleted; still serving revision {}", state.revision());
            }
        }
        if (changed) {
            quorum.recompute();
            register.run();
        }
    }

    /** Offers the current config after etcd compacted away the revisions a resumed watch would have replayed. */
    private void catchUp(KV kv) {
        GetResponse got = Etcd.await(kv.get(Etcd.bytes(keys.config())), "reading the fleet's config after a compaction");
        if (!got.getKvs().isEmpty()) {
            follower.offer(FleetStore.stored(got.getKvs().getFirst()));
        }
        state.seen(got.getHeader().getRevision());
    }

    /**
     * Writes the registration as it is now on the session's lease, and the same record without a lease for
     * {@code fleet status}, once the write queued before it is done: two writes in flight could land in either order.
     * Member thread only.
     */
    private CompletableFuture<TxnResponse> register(KV kv, long lease) {
        String record = FleetJson.write(state.registration());
        CompletableFuture<TxnResponse> written = lastRegistration.handle((previous, error) -> null)
                .thenCompose(previous -> put(kv, lease, record));
        lastRegistration = written;
        return written;
    }

    private CompletableFuture<TxnResponse> put(KV kv, long lease, String record) {
        return kv.txn().Then(Op.put(Etcd.bytes(keys.gateway(identity.id())), Etcd.bytes(record), PutOption.builder().withLeaseId(lease).build()),
                Op.put(Etcd.bytes(keys.member(identity.id())), Etcd.bytes(record), PutOption.DEFAULT)).commit();
    }

    private void report(boolean nowConnected, String detail) {
        if (nowConnected != connected || gateway.configSource() == null) {
            if (nowConnected) {
                LOG.info("fleet {}: {}", address, detail);
            } else {
                LOG.warn("fleet {}: {}", address, detail);
            }
            gateway.reportConfigSource(new ConfigSourceStatus(address.toString(), nowConnected, detail, clock.instant()));
        }
        connected = nowConnected;
    }

    private void runOnMember(Runnable task) {
        if (!executor.isShutdown()) {
            executor.execute(() -> {
                try {
                    task.run();
                } catch (RuntimeException e) {
                    LOG.error("fleet member task failed", e);
                }
            });
        }
    }

    private static void waitFor(CompletableFuture<Void> broken, Duration time) {
        try {
            broken.get(time.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            // the heartbeat is due
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(e.getCause().getMessage(), e.getCause());
        }
    }

    private void sleep(Duration time) {
        try {
            Thread.sleep(time);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            closed = true;
        }
    }

    private static void closeQuietly(AutoCloseable c) {
        try {
            c.close();
        } catch (Exception e) {
            LOG.debug("closing a fleet session part failed: {}", e.toString());
        }
    }

    /** A clean shutdown: revokes the lease, so the registration and breaker signals go now, then closes. */
    public void leave() {
        long current = lease;
        if (connected && current != 0) {
            try {
                Etcd.await(client.getLeaseClient().revoke(current), "revoking this gateway's lease");
            } catch (EtcdUnavailableException e) {
                LOG.warn("could not deregister from the fleet ({}); the registration expires with its lease", e.getMessage());
            }
        }
        close();
    }

    /**
     * Stops following the fleet without deregistering, as a crash would: the registration goes when its lease expires.
     */
    @Override
    public void close() {
        closed = true;
        loop.interrupt();
        try {
            loop.join(Duration.ofSeconds(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        gateway.engine().removeListener(breakers);
        executor.shutdownNow();
        client.close();
    }

    /** Ends a session whose config watch started before etcd's compacted history: not a lost connection. */
    private static final class HistoryCompacted extends RuntimeException {
        HistoryCompacted(Throwable cause) {
            super(cause.getMessage(), cause);
        }
    }
}
