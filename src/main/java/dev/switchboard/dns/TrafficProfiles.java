package dev.switchboard.dns;

import dev.switchboard.config.DnsNames;
import dev.switchboard.config.GatewayConfig;
import dev.switchboard.config.TrafficProfileConfig;
import dev.switchboard.engine.Ticker;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A gateway's traffic profiles: what the DNS responder answers, what monitors probe, and what operators change.
 *
 * <p>For consoles: {@link #snapshot()} for the picture, {@link #addListener} to hear of changes, and the operator
 * actions {@link #disableEndpoint}, {@link #enableEndpoint}, {@link #failOverTo} and {@link #clearFailover}, each of
 * which takes effect for the next query and returns the profile as it now is. Operator overrides last until changed
 * back, across config reloads while the endpoint exists; they are not kept across a restart.
 */
public final class TrafficProfiles {

    private static final Logger LOG = LoggerFactory.getLogger(TrafficProfiles.class);

    private final Ticker ticker;
    private final RandomGenerator random;
    private final List<ProfileListener> listeners = new CopyOnWriteArrayList<>();
    /** By canonical name (lower case, no trailing dot), in config order; replaced whole on apply. */
    private volatile Map<String, TrafficProfile> profiles = Map.of();
    private volatile String zone;

    /**
     * @param random draws weighted answers; must be safe to use from several threads (the responder's event loops)
     */
    public TrafficProfiles(Ticker ticker, RandomGenerator random) {
        this.ticker = ticker;
        this.random = random;
    }

    /**
     * Takes the config's profiles and zone. Profiles and endpoints that keep their name keep operator overrides and,
     * while their target and monitor settings are unchanged, their monitor status.
     */
    public void apply(GatewayConfig config) {
        List<ProfileEvent> events = new ArrayList<>();
        synchronized (this) {
            Map<String, TrafficProfile> next = new LinkedHashMap<>();
            for (TrafficProfileConfig c : config.trafficProfiles()) {
                String key = DnsNames.canonical(c.name());
                TrafficProfile previous = profiles.get(key);
                TrafficProfile profile = new TrafficProfile(c, previous, ticker);
                next.put(key, profile);
                if (previous == null || !previous.answerChangedAt().equals(profile.answerChangedAt())) {
                    ProfileSnapshot s = profile.snapshot();
                    events.add(new ProfileEvent.AnswerChanged(s.answerChangedAt(), s.name(), s.answer(), s.exists(), s.ttl()));
                }
            }
            profiles = Collections.unmodifiableMap(next);
            zone = config.dns() == null ? null : config.dns().zone();
        }
        announce(events);
    }

    /** The zone the responder answers for, lower case; null without a {@code dns} section. */
    public String zone() {
        String z = zone;
        return z == null ? null : DnsNames.canonical(z);
    }

    /** Every profile by canonical name (lower case, no trailing dot); an immutable map replaced whole on each apply. */
    public Map<String, TrafficProfile> byName() {
        return profiles;
    }

    /** The random source weighted answers are drawn from. */
    public RandomGenerator random() {
        return random;
    }

    public List<ProfileSnapshot> snapshot() {
        return profiles.values().stream().map(TrafficProfile::snapshot).toList();
    }

    /** @throws IllegalArgumentException for an unknown profile */
    public ProfileSnapshot snapshot(String profile) {
        return profile(profile).snapshot();
    }

    public void addListener(ProfileListener listener) {
        listeners.add(listener);
    }

    public void removeListener(ProfileListener listener) {
        listeners.remove(listener);
    }

    // ---- operator actions: each throws IllegalArgumentException naming what is unknown or not allowed ----

    /** Takes the endpoint out of answers and stops probing it (DISABLED). */
    public ProfileSnapshot disableEndpoint(String profile, String endpoint) {
        return act(profile, p -> p.setEnabled(endpoint, false));
    }

    /** Puts the endpoint back: monitored profiles probe it afresh (CHECKING, answered like ONLINE). */
    public ProfileSnapshot enableEndpoint(String profile, String endpoint) {
        return act(profile, p -> p.setEnabled(endpoint, true));
    }

    /** Promotes the endpoint above every priority (priority routing); it answers while it serves. */
    public ProfileSnapshot failOverTo(String profile, String endpoint) {
        return act(profile, p -> p.failOverTo(endpoint));
    }

    /** Ends a {@link #failOverTo}: the configured priorities apply again. */
    public ProfileSnapshot clearFailover(String profile) {
        return act(profile, TrafficProfile::clearFailover);
    }

    // ---- monitoring ----

    /** Starts every probe that is due now with {@code prober}; results update statuses as they arrive. */
    public void runDueProbes(EndpointProber prober) {
        for (TrafficProfile profile : profiles.values()) {
            for (ProbeTask task : profile.dueProbes()) {
                prober.probe(task).whenComplete((result, failure) -> report(task, failure == null ? result
                        : new ProbeResult(false, "probe failed: " + failure)));
            }
        }
    }

    /** A probe's result; ignored when its profile or endpoint has changed since it started. */
    public void report(ProbeTask task, ProbeResult result) {
        TrafficProfile profile = profiles.get(DnsNames.canonical(task.profile()));
        if (profile != null) {
            announce(profile.report(task, result));
        }
    }

    /** Under the registry's lock so that an action never lands on a profile a concurrent apply just replaced. */
    private ProfileSnapshot act(String profile, Function<TrafficProfile, List<ProfileEvent>> action) {
        TrafficProfile p;
        List<ProfileEvent> events;
        synchronized (this) {
            p = profile(profile);
            events = action.apply(p);
        }
        announce(events);
        return p.snapshot();
    }

    private TrafficProfile profile(String name) {
        TrafficProfile p = name == null ? null : profiles.get(DnsNames.canonical(name));
        if (p == null) {
            throw new IllegalArgumentException("unknown traffic profile \"" + name + "\"; profiles: "
                    + (profiles.isEmpty() ? "none" : String.join(", ", profiles.values().stream().map(TrafficProfile::name).toList())));
        }
        return p;
    }

    private void announce(List<ProfileEvent> events) {
        for (ProfileEvent event : events) {
            if (event instanceof ProfileEvent.EndpointStatusChanged c) {
                LOG.info("traffic profile {}: endpoint {} {} -> {} ({})", c.profile(), c.endpoint(), c.from(), c.to(), c.reason());
            } else if (event instanceof ProfileEvent.AnswerChanged a) {
                LOG.info("traffic profile {}: answer {}", a.profile(), a.exists() ? a.answer() : "NXDOMAIN");
            }
            for (ProfileListener l : listeners) {
                try {
                    l.onEvent(event);
                } catch (RuntimeException e) {
                    LOG.error("profile listener failed on {}", event, e);
                }
            }
        }
    }
}
