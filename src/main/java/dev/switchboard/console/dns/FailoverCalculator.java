package dev.switchboard.console.dns;

import dev.switchboard.console.common.DurationText;
import dev.switchboard.console.feed.MonitorFrame;
import dev.switchboard.console.feed.ProfileFrame;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.InvalidationListener;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * How long an automatic DNS failover takes at worst, for a profile's settings or ones an operator tries out:
 * {@code (toleratedFailures + 1) x interval + timeout} until the monitor takes a failed endpoint out of the answer
 * (detection), then up to the TTL until every resolver has dropped the old answer (DNS caching). Settings that make
 * failover slow, absent or costly come with a warning that says why.
 */
public final class FailoverCalculator {

    /** From here on resolvers keep a stale answer for minutes. */
    static final int LONG_TTL_SECONDS = 300;
    /** Detection slower than this leaves clients on a dead endpoint for minutes. */
    static final Duration SLOW_DETECTION = Duration.ofMinutes(2);
    /** A timeout above this share of the interval is "close to" it. */
    static final double CLOSE_TIMEOUT_SHARE = 0.8;

    /** A profile's failover settings; Traffic Manager's monitor defaults stand in where the profile has no monitor. */
    public record Settings(boolean monitored, double intervalSeconds, int toleratedFailures, double timeoutSeconds,
                           int ttlSeconds) {

        public static Settings of(ProfileFrame profile) {
            MonitorFrame m = profile.monitor();
            int ttl = (int) Math.min(Integer.MAX_VALUE, profile.ttl());
            return m == null ? new Settings(false, 30, 3, 10, ttl)
                    : new Settings(true, m.interval().toMillis() / 1000.0, m.toleratedFailures(),
                    m.timeout().toMillis() / 1000.0, ttl);
        }
    }

    private final BooleanProperty monitored = new SimpleBooleanProperty();
    private final ObjectProperty<Double> intervalSeconds = new SimpleObjectProperty<>(30.0);
    private final ObjectProperty<Integer> toleratedFailures = new SimpleObjectProperty<>(3);
    private final ObjectProperty<Double> timeoutSeconds = new SimpleObjectProperty<>(10.0);
    private final ObjectProperty<Integer> ttlSeconds = new SimpleObjectProperty<>(60);
    private final ReadOnlyStringWrapper detection = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper caching = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper();
    /** Null without a monitor: then nothing fails over by itself. */
    private final ReadOnlyObjectWrapper<Duration> worstCase = new ReadOnlyObjectWrapper<>();
    private final ObservableList<String> warnings = FXCollections.observableArrayList();
    private Settings profileSettings;

    public FailoverCalculator() {
        InvalidationListener recompute = o -> recompute();
        monitored.addListener(recompute);
        intervalSeconds.addListener(recompute);
        toleratedFailures.addListener(recompute);
        timeoutSeconds.addListener(recompute);
        ttlSeconds.addListener(recompute);
        recompute();
    }

    /**
     * Takes the profile's settings when they are new (first sight, or the gateway's config changed them), so what an
     * operator is trying out is not overwritten by every frame.
     */
    public void prefill(Settings settings) {
        if (!settings.equals(profileSettings)) {
            profileSettings = settings;
            reset();
        }
    }

    /** Back to the profile's own settings. */
    public void reset() {
        if (profileSettings != null) {
            monitored.set(profileSettings.monitored());
            intervalSeconds.set(profileSettings.intervalSeconds());
            toleratedFailures.set(profileSettings.toleratedFailures());
            timeoutSeconds.set(profileSettings.timeoutSeconds());
            ttlSeconds.set(profileSettings.ttlSeconds());
        }
    }

    private void recompute() {
        if (intervalSeconds.get() == null || toleratedFailures.get() == null || timeoutSeconds.get() == null
                || ttlSeconds.get() == null) {
            return; // a field being cleared; the last result stands until it holds a number again
        }
        double interval = intervalSeconds.get();
        int tolerated = toleratedFailures.get();
        double timeout = timeoutSeconds.get();
        Duration ttl = Duration.ofSeconds(ttlSeconds.get());
        Duration detect = Duration.ofMillis(Math.round(((tolerated + 1) * interval + timeout) * 1000));
        caching.set("DNS caching: up to the TTL, " + DurationText.of(ttl));
        if (monitored.get()) {
            detection.set("Detection: (" + tolerated + " + 1) \u00d7 " + DurationText.seconds(interval) + " s + "
                    + DurationText.seconds(timeout) + " s = " + DurationText.of(detect));
            worstCase.set(detect.plus(ttl));
            summary.set("Worst-case automatic failover: " + DurationText.of(detect.plus(ttl)));
        } else {
            detection.set("Detection: none without a monitor");
            worstCase.set(null);
            summary.set("No automatic failover: after an operator's change, resolvers follow within "
                    + DurationText.of(ttl));
        }
        warnings.setAll(warnings(interval, timeout, detect, ttl));
    }

    private List<String> warnings(double interval, double timeout, Duration detect, Duration ttl) {
        List<String> found = new ArrayList<>();
        if (!monitored.get()) {
            found.add("No monitor: endpoints are never found DEGRADED, so the answer never fails over by itself; "
                    + "only an operator's disable or fail-over moves it.");
        }
        if (ttl.toSeconds() >= LONG_TTL_SECONDS) {
            found.add("TTL " + DurationText.of(ttl) + " is long: after any failover, resolvers and clients may keep "
                    + "sending traffic to the old endpoint for up to " + DurationText.of(ttl)
                    + "; 60 s is the usual choice (Traffic Manager).");
        }
        if (ttl.isZero()) {
            found.add("TTL 0: nothing is cached, so every client lookup reaches the responder (load), and some "
                    + "resolvers raise a 0 TTL to a minimum of their own, so failover is not as fast as it looks.");
        }
        if (monitored.get()) {
            if (detect.compareTo(SLOW_DETECTION) > 0) {
                found.add("Detection takes " + DurationText.of(detect) + ": a failed endpoint stays in the answer "
                        + "that long before the monitor takes it out; fewer tolerated failures or a shorter interval "
                        + "find it sooner.");
            }
            if (timeout >= interval) {
                found.add("Timeout " + DurationText.seconds(timeout) + " s is not below the interval "
                        + DurationText.seconds(interval) + " s: the gateway refuses such a monitor (a probe must end "
                        + "before the next one is due).");
            } else if (timeout > interval * CLOSE_TIMEOUT_SHARE) {
                found.add("Timeout " + DurationText.seconds(timeout) + " s is close to the interval "
                        + DurationText.seconds(interval) + " s: answers that slow still count as healthy, so an "
                        + "endpoint too slow for its clients stays in the answer, and probes of a struggling endpoint "
                        + "run back to back.");
            }
        }
        return found;
    }

    public BooleanProperty monitoredProperty() {
        return monitored;
    }

    public ObjectProperty<Double> intervalSecondsProperty() {
        return intervalSeconds;
    }

    public ObjectProperty<Integer> toleratedFailuresProperty() {
        return toleratedFailures;
    }

    public ObjectProperty<Double> timeoutSecondsProperty() {
        return timeoutSeconds;
    }

    public ObjectProperty<Integer> ttlSecondsProperty() {
        return ttlSeconds;
    }

    public ReadOnlyStringProperty detectionProperty() {
        return detection.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty cachingProperty() {
        return caching.getReadOnlyProperty();
    }

    /** The headline: the worst case, or that nothing fails over by itself. */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Duration> worstCaseProperty() {
        return worstCase.getReadOnlyProperty();
    }

    public ObservableList<String> warnings() {
        return warnings;
    }
}
