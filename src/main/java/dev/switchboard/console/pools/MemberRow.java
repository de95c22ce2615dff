package dev.switchboard.console.pools;

import dev.switchboard.console.feed.BackendFrame;
import dev.switchboard.console.feed.GatewayFrame;
import dev.switchboard.console.feed.MemberFrame;
import dev.switchboard.console.feed.OverrideFrame;
import dev.switchboard.console.health.BackendStatus;
import dev.switchboard.console.health.HealthLevel;
import dev.switchboard.engine.AdminState;
import dev.switchboard.engine.Availability;
import dev.switchboard.engine.breaker.BreakerState;
import dev.switchboard.engine.breaker.RuleCounters;
import java.time.Duration;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** One backend in one pool as the pool view shows it; updated in place from frames so bound controls stay put. */
public final class MemberRow {

    /** About 10 s of frames at the fastest stats period (250 ms). */
    private static final int MAX_FRAMES_WAITED = 40;
    /**
     * How far time must move before the sparkline is drawn again: one pixel of the card's 60-second, 120-pixel line.
     * Drawn with every frame instead, its stroke was a third of the renderer's work on a busy gateway.
     */
    static final long SPARKLINE_STEP_MILLIS = 500;

    private final String poolId;
    private final String backendId;
    private final ObjectProperty<Availability> availability = new SimpleObjectProperty<>(Availability.AVAILABLE);
    private final StringProperty reason = new SimpleStringProperty("");
    private final ObjectProperty<BreakerState> breaker = new SimpleObjectProperty<>(BreakerState.CLOSED);
    private final StringProperty breakerDetail = new SimpleStringProperty("");
    private final ObjectProperty<AdminState> adminState = new SimpleObjectProperty<>(AdminState.ENABLED);
    private final IntegerProperty weight = new SimpleIntegerProperty();
    private final IntegerProperty priority = new SimpleIntegerProperty();
    private final DoubleProperty targetShare = new SimpleDoubleProperty();
    /** Share this member would get with the weight being dragged; NaN when no preview is showing. */
    private final DoubleProperty previewShare = new SimpleDoubleProperty(Double.NaN);
    /** The runtime overrides of this member's weight and priority and of its backend's admin state; null when none. */
    private final ObjectProperty<OverrideFrame> weightOverride = new SimpleObjectProperty<>();
    private final ObjectProperty<OverrideFrame> priorityOverride = new SimpleObjectProperty<>();
    private final ObjectProperty<OverrideFrame> adminStateOverride = new SimpleObjectProperty<>();
    private final ObjectProperty<BackendStatus> status = new SimpleObjectProperty<>();
    private final ObjectProperty<HealthLevel> health = new SimpleObjectProperty<>(HealthLevel.IDLE);
    private final StringProperty numbers = new SimpleStringProperty("");
    private final StringProperty notice = new SimpleStringProperty("");
    private final StringProperty since = new SimpleStringProperty("");
    /** A weight sent but not yet seen in a frame; older frames must not move the slider back meanwhile. */
    private int expectedWeight = -1;
    /**
     * The newest frame version this row had seen when the gateway acknowledged the expected weight; -1 before then.
     * A frame past it was taken after the change landed, so its weight is the truth even when it is not the one sent
     * (another operator or a config apply changed it since).
     */
    private long acknowledgedAt = -1;
    /** Frames ignored while waiting; bounded so a lost acknowledgement cannot freeze the slider. */
    private int framesWaited;
    private long lastVersion = -1;
    private boolean onScreen = true;
    /** The newest status not yet shown (the card is off screen), and the time it was taken at. */
    private BackendStatus pendingStatus;
    private Supplier<double[]> pendingSparkline;
    private long pendingNowMillis;
    /** When the sparkline shown was taken; MIN_VALUE when the card went off screen since. */
    private long sparklineAt = Long.MIN_VALUE;
    /** Requests per second over the last minute, oldest first, NaN where not known. */
    private final ObjectProperty<double[]> sparkline = new SimpleObjectProperty<>(new double[0]);

    MemberRow(String poolId, String backendId) {
        this.poolId = poolId;
        this.backendId = backendId;
    }

    void update(MemberFrame member, BackendFrame backend, GatewayFrame frame) {
        weightOverride.set(frame.override(OverrideFrame.WEIGHT, poolId, backendId));
        priorityOverride.set(frame.override(OverrideFrame.PRIORITY, poolId, backendId));
        adminStateOverride.set(frame.override(OverrideFrame.ADMIN_STATE, poolId, backendId));
        availability.set(member.availability());
        reason.set(member.reason());
        lastVersion = frame.version();
        boolean newerThanAcknowledged = acknowledgedAt >= 0 && frame.version() > acknowledgedAt;
        if (expectedWeight < 0 || expectedWeight == member.weight() || newerThanAcknowledged
                || ++framesWaited > MAX_FRAMES_WAITED) {
            weight.set(member.weight());
            expectWeight(-1);
        }
        priority.set(member.priority());
        if (backend != null) {
            breaker.set(backend.breaker());
            adminState.set(backend.adminState());
            breakerDetail.set(describe(backend));
        }
    }

    /**
     * The backend's numbers and health from its gateway's {@code GatewayHealth}, as of {@code nowMillis}. Health always
     * follows (filters and badges read it); the numbers, sparkline and notice only while the card is on screen, since
     * each change costs a layout, and the latest ones catch up when it comes back.
     */
    void showStatus(BackendStatus s, Supplier<double[]> sparkline, long nowMillis) {
        health.set(s.level());
        pendingStatus = s;
        pendingSparkline = sparkline;
        pendingNowMillis = nowMillis;
        if (onScreen) {
            showPending();
        }
    }

    /** Whether the row's card is on screen; the pool view tells it as the operator scrolls or switches tabs. */
    public void setOnScreen(boolean shown) {
        onScreen = shown;
        if (shown) {
            showPending();
        } else {
            sparklineAt = Long.MIN_VALUE;
        }
    }

    boolean onScreen() {
        return onScreen;
    }

    private void showPending() {
        BackendStatus s = pendingStatus;
        if (s == null) {
            return;
        }
        pendingStatus = null;
        if (sparklineAt == Long.MIN_VALUE || pendingNowMillis - sparklineAt >= SPARKLINE_STEP_MILLIS) {
            sparklineAt = pendingNowMillis;
            sparkline.set(pendingSparkline.get());
        }
        status.set(s);
        numbers.set(CardNumbers.of(s.numbers()));
        notice.set(s.notice());
        since.set(CardNumbers.since(s, pendingNowMillis));
    }

    /** Waits for frames to show {@code value} (-1: stop waiting). */
    void expectWeight(int value) {
        expectedWeight = value;
        acknowledgedAt = -1;
        framesWaited = 0;
    }

    /** The gateway took {@code value}: frames newer than the ones seen so far show its weight, whatever it is then. */
    void weightAcknowledged(int value) {
        if (expectedWeight == value) {
            acknowledgedAt = lastVersion;
        }
    }

    static String describe(BackendFrame b) {
        String counters = b.rules().stream()
                .map(r -> r.rule() + " " + r.failures() + "/" + r.requests() + " failed in " + seconds(r.interval()))
                .collect(Collectors.joining(", "));
        String left = b.openRemaining() == null ? "" : " · open " + seconds(b.openRemaining()) + " more";
        return (counters.isEmpty() ? "no breaker rule" : counters) + left;
    }

    private static String seconds(Duration d) {
        return Math.max(0, (d.toMillis() + 999) / 1000) + " s";
    }

    public String poolId() {
        return poolId;
    }

    public String backendId() {
        return backendId;
    }

    public ObjectProperty<Availability> availabilityProperty() {
        return availability;
    }

    public StringProperty reasonProperty() {
        return reason;
    }

    public ObjectProperty<BreakerState> breakerProperty() {
        return breaker;
    }

    public StringProperty breakerDetailProperty() {
        return breakerDetail;
    }

    public ObjectProperty<AdminState> adminStateProperty() {
        return adminState;
    }

    public IntegerProperty weightProperty() {
        return weight;
    }

    public IntegerProperty priorityProperty() {
        return priority;
    }

    public DoubleProperty targetShareProperty() {
        return targetShare;
    }

    /** The override of {@code kind} ({@link OverrideFrame#WEIGHT}, ...) on this row; null when none. */
    public ObjectProperty<OverrideFrame> overrideProperty(String kind) {
        return switch (kind) {
            case OverrideFrame.WEIGHT -> weightOverride;
            case OverrideFrame.PRIORITY -> priorityOverride;
            case OverrideFrame.ADMIN_STATE -> adminStateOverride;
            default -> throw new IllegalArgumentException("no override kind " + kind);
        };
    }

    public DoubleProperty previewShareProperty() {
        return previewShare;
    }

    public ObjectProperty<BackendStatus> statusProperty() {
        return status;
    }

    public ObjectProperty<double[]> sparklineProperty() {
        return sparkline;
    }

    public ObjectProperty<HealthLevel> healthProperty() {
        return health;
    }

    public StringProperty numbersProperty() {
        return numbers;
    }

    /** The outlier notice, empty while the backend looks fine. */
    public StringProperty noticeProperty() {
        return notice;
    }

    /** How long the state has lasted: "state for 12 s". */
    public StringProperty sinceProperty() {
        return since;
    }
}
