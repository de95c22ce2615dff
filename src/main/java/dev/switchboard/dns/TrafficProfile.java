package dev.switchboard.dns;

import dev.switchboard.config.RoutingMethod;
import dev.switchboard.config.TrafficEndpoint;
import dev.switchboard.config.TrafficProfileConfig;
import dev.switchboard.engine.Ticker;
import java.net.InetAddress;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * One traffic profile at run time: its config, its endpoints' monitor state, operator overrides, and the answer
 * queries get. Changes take the profile's lock and rebuild the {@link AnswerPlan}; queries read the plan without one.
 */
public final class TrafficProfile {

    private final TrafficProfileConfig config;
    private final Ticker ticker;
    /** Monitor state of each enabled endpoint of a monitored, enabled profile. */
    private final Map<String, EndpointHealth> health = new HashMap<>();
    /** Operator enable/disable, only where it differs from the config. */
    private final Map<String, Boolean> enabledOverrides = new HashMap<>();
    private String failedOverTo;
    private volatile AnswerPlan plan;
    private Instant answerChangedAt;

    /** A fresh profile, or the next version of {@code previous}: overrides and probe state of unchanged endpoints carry over. */
    TrafficProfile(TrafficProfileConfig config, TrafficProfile previous, Ticker ticker) {
        this.config = config;
        this.ticker = ticker;
        if (previous != null) {
            synchronized (previous) {
                previous.enabledOverrides.forEach((name, enabled) -> {
                    TrafficEndpoint e = config.endpoint(name);
                    if (e != null && e.enabled() != enabled) {
                        enabledOverrides.put(name, enabled);
                    }
                });
                TrafficEndpoint promoted = previous.failedOverTo == null ? null : config.endpoint(previous.failedOverTo);
                failedOverTo = promoted != null && config.routing() == RoutingMethod.PRIORITY ? promoted.name() : null;
                if (Objects.equals(previous.config.monitor(), config.monitor()) && previous.config.enabled() == config.enabled()) {
                    previous.health.forEach((name, h) -> {
                        TrafficEndpoint before = previous.config.endpoint(name);
                        TrafficEndpoint now = config.endpoint(name);
                        if (now != null && now.target().equals(before.target())) {
                            health.put(name, h);
                        }
                    });
                }
            }
        }
        synchronized (this) {
            syncHealth();
            plan = AnswerPlan.of(config, ranking());
            answerChangedAt = previous != null && plan.sameAnswer(previous.plan) ? previous.answerChangedAt() : ticker.instant();
        }
    }

    public String name() {
        return config.name();
    }

    public TrafficProfileConfig config() {
        return config;
    }

    /** TTL of answers, in seconds. */
    public long ttl() {
        return config.ttl();
    }

    /** False when queries for the name get NXDOMAIN. */
    public boolean exists() {
        return plan.exists();
    }

    /** The answer for one query of {@code type} from {@code client}: no lock, no allocation. */
    public List<Target> select(InetAddress client, RecordType type, RandomGenerator random) {
        return plan.select(client, type, random);
    }

    synchronized Instant answerChangedAt() {
        return answerChangedAt;
    }

    // ---- changes: each returns the events it caused, to be announced outside the lock ----

    synchronized List<ProfileEvent> setEnabled(String endpointName, boolean enabled) {
        TrafficEndpoint e = endpoint(endpointName);
        return change(() -> {
            if (e.enabled() == enabled) {
                enabledOverrides.remove(e.name());
            } else {
                enabledOverrides.put(e.name(), enabled);
            }
            if (!enabled && e.name().equals(failedOverTo)) {
                failedOverTo = null;
            }
        });
    }

    synchronized List<ProfileEvent> failOverTo(String endpointName) {
        TrafficEndpoint e = endpoint(endpointName);
        if (config.routing() != RoutingMethod.PRIORITY) {
            throw new IllegalArgumentException("fail-over promotes an endpoint to the best priority, so it needs priority routing; profile \""
                    + name() + "\" routes " + config.routing().jsonName());
        }
        if (!enabled(e)) {
            throw new IllegalArgumentException("endpoint \"" + e.name() + "\" of profile \"" + name() + "\" is disabled; enable it first");
        }
        return change(() -> failedOverTo = e.name());
    }

    synchronized List<ProfileEvent> clearFailover() {
        return change(() -> failedOverTo = null);
    }

    /** The probes due now; each is marked as running until its result is {@linkplain #report reported}. */
    synchronized List<ProbeTask> dueProbes() {
        if (health.isEmpty()) {
            return List.of();
        }
        long now = ticker.nanos();
        List<ProbeTask> due = new ArrayList<>();
        health.forEach((name, h) -> {
            if (h.due(now)) {
                h.started(now, config.monitor().interval());
                due.add(new ProbeTask(name(), name, config.endpoint(name).target(), config.monitor(), h.generation()));
            }
        });
        return due;
    }

    synchronized List<ProfileEvent> report(ProbeTask task, ProbeResult result) {
        EndpointHealth h = health.get(task.endpoint());
        if (h == null || h.generation() != task.generation()) {
            return List.of();
        }
        return change(() -> h.record(result, config.monitor().toleratedFailures(), ticker.instant()));
    }

    synchronized ProfileSnapshot snapshot() {
        AnswerPlan current = plan;
        List<EndpointSnapshot> endpoints = config.endpoints().stream().map(e -> {
            EndpointHealth h = health.get(e.name());
            return new EndpointSnapshot(e.name(), e.target(), e.priority(), effectivePriority(e), e.weight(), e.region(), enabled(e),
                    enabledOverrides.containsKey(e.name()), status(e), reason(e), h == null ? 0 : h.failures(),
                    h == null ? null : h.lastProbe(), current.candidates().stream().anyMatch(t -> t.endpoint().equals(e.name())));
        }).toList();
        return new ProfileSnapshot(name(), config.enabled(), config.ttl(), config.routing(), current.exists(),
                current.candidates().stream().map(Target::target).toList(), answerChangedAt, failedOverTo, config.monitor(), endpoints);
    }

    // ---- internals (lock held) ----

    /** Applies {@code edit}, then reports every status that changed and the answer if it changed. */
    private List<ProfileEvent> change(Runnable edit) {
        Map<String, MonitorStatus> before = statuses();
        edit.run();
        syncHealth();
        Instant now = ticker.instant();
        List<ProfileEvent> events = new ArrayList<>();
        for (TrafficEndpoint e : config.endpoints()) {
            MonitorStatus was = before.get(e.name());
            MonitorStatus is = status(e);
            if (was != is) {
                events.add(new ProfileEvent.EndpointStatusChanged(now, name(), e.name(), was, is, reason(e)));
            }
        }
        AnswerPlan next = AnswerPlan.of(config, ranking());
        if (!next.sameAnswer(plan)) {
            answerChangedAt = now;
            events.add(new ProfileEvent.AnswerChanged(now, name(), next.candidates().stream().map(Target::target).toList(),
                    next.exists(), config.ttl()));
        }
        plan = next;
        return events;
    }

    /** Monitor state exists exactly for enabled endpoints of a monitored, enabled profile; a re-enabled one starts over. */
    private void syncHealth() {
        long now = ticker.nanos();
        for (TrafficEndpoint e : config.endpoints()) {
            if (config.monitor() != null && config.enabled() && enabled(e)) {
                health.computeIfAbsent(e.name(), n -> new EndpointHealth(now));
            } else {
                health.remove(e.name());
            }
        }
        health.keySet().retainAll(config.endpoints().stream().map(TrafficEndpoint::name).toList());
    }

    private Map<String, MonitorStatus> statuses() {
        Map<String, MonitorStatus> all = new HashMap<>();
        config.endpoints().forEach(e -> all.put(e.name(), status(e)));
        return all;
    }

    private AnswerPlan.Ranking ranking() {
        Map<String, MonitorStatus> statuses = statuses();
        Map<String, Integer> priorities = new HashMap<>();
        config.endpoints().forEach(e -> priorities.put(e.name(), effectivePriority(e)));
        return new AnswerPlan.Ranking() {
            @Override
            public MonitorStatus status(TrafficEndpoint endpoint) {
                return statuses.get(endpoint.name());
            }

            @Override
            public int effectivePriority(TrafficEndpoint endpoint) {
                return priorities.get(endpoint.name());
            }
        };
    }

    private boolean enabled(TrafficEndpoint e) {
        return enabledOverrides.getOrDefault(e.name(), e.enabled());
    }

    private int effectivePriority(TrafficEndpoint e) {
        return e.name().equals(failedOverTo) ? 0 : e.priority();
    }

    private MonitorStatus status(TrafficEndpoint e) {
        if (!config.enabled()) {
            return MonitorStatus.STOPPED;
        }
        if (!enabled(e)) {
            return MonitorStatus.DISABLED;
        }
        EndpointHealth h = health.get(e.name());
        return h == null ? MonitorStatus.ONLINE : h.status();
    }

    private String reason(TrafficEndpoint e) {
        if (!config.enabled()) {
            return "the profile is disabled";
        }
        if (!enabled(e)) {
            return enabledOverrides.containsKey(e.name()) ? "disabled by an operator" : "disabled in the config";
        }
        EndpointHealth h = health.get(e.name());
        return h == null ? "no monitor: enabled endpoints count as online" : h.reason();
    }

    private TrafficEndpoint endpoint(String endpointName) {
        TrafficEndpoint e = config.endpoint(endpointName);
        if (e == null) {
            throw new IllegalArgumentException("profile \"" + name() + "\" has no endpoint \"" + endpointName + "\"; its endpoints are "
                    + String.join(", ", config.endpoints().stream().map(TrafficEndpoint::name).toList()));
        }
        return e;
    }
}
