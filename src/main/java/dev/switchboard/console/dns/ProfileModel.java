package dev.switchboard.console.dns;

import dev.switchboard.config.RoutingMethod;
import dev.switchboard.console.common.DurationText;
import dev.switchboard.console.feed.EndpointFrame;
import dev.switchboard.console.feed.MonitorFrame;
import dev.switchboard.console.feed.ProfileFrame;
import java.time.Instant;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * One traffic profile in the DNS view: its answer and since when, the TTL countdown, its endpoints, the last
 * operator action's outcome, and its failover calculator. Updated in place from frames.
 */
public final class ProfileModel {

    private final String name;
    private final ObjectProperty<RoutingMethod> routing = new SimpleObjectProperty<>(RoutingMethod.PRIORITY);
    private final StringProperty ttl = new SimpleStringProperty("");
    private final StringProperty answer = new SimpleStringProperty("");
    private final BooleanProperty exists = new SimpleBooleanProperty(true);
    /** The promoted endpoint, or empty. */
    private final StringProperty failedOverTo = new SimpleStringProperty("");
    private final StringProperty monitor = new SimpleStringProperty("");
    private final StringProperty countdown = new SimpleStringProperty("");
    private final StringProperty result = new SimpleStringProperty("");
    private final BooleanProperty resultIsError = new SimpleBooleanProperty();
    private final ObservableList<EndpointRow> endpoints = FXCollections.observableArrayList();
    private final FailoverCalculator calculator = new FailoverCalculator();
    private ProfileFrame frame;
    /** The answer before the last change, when the console saw it change; else null. */
    private String oldAnswer;

    ProfileModel(String name) {
        this.name = name;
    }

    void update(ProfileFrame next, Instant now) {
        if (frame != null && !frame.answerChangedAt().equals(next.answerChangedAt())) {
            oldAnswer = DnsAnswer.of(frame).text();
        }
        frame = next;
        routing.set(next.routing());
        ttl.set(next.ttl() + " s");
        answer.set(DnsAnswer.of(next).text());
        exists.set(next.exists());
        failedOverTo.set(next.failedOverTo() == null ? "" : next.failedOverTo());
        monitor.set(describe(next.monitor()));
        if (!endpoints.stream().map(EndpointRow::name).toList()
                .equals(next.endpoints().stream().map(EndpointFrame::name).toList())) {
            Map<String, EndpointRow> kept = endpoints.stream()
                    .collect(Collectors.toMap(EndpointRow::name, Function.identity()));
            endpoints.setAll(next.endpoints().stream().map(e -> kept.getOrDefault(e.name(), new EndpointRow(e.name()))).toList());
        }
        for (int i = 0; i < endpoints.size(); i++) {
            EndpointFrame e = next.endpoints().get(i);
            endpoints.get(i).update(e, whyNoFailOver(next, e));
        }
        calculator.prefill(FailoverCalculator.Settings.of(next));
        tick(now);
    }

    void tick(Instant now) {
        if (frame != null) {
            countdown.set(TtlCountdown.text(oldAnswer, frame.answerChangedAt().plusSeconds(frame.ttl()), now));
        }
    }

    void showResult(String text, boolean error) {
        result.set(text);
        resultIsError.set(error);
    }

    /** The profile as last seen; null before the first frame. */
    ProfileFrame frame() {
        return frame;
    }

    private static String whyNoFailOver(ProfileFrame p, EndpointFrame e) {
        if (p.routing() != RoutingMethod.PRIORITY) {
            return "Fail-over promotes one endpoint above every priority, so it needs priority routing; this profile "
                    + "routes " + p.routing().jsonName();
        }
        if (!e.enabled()) {
            return e.name() + " is disabled: enable it first";
        }
        return e.name().equals(p.failedOverTo()) ? "The profile already fails over to " + e.name() : "";
    }

    private static String describe(MonitorFrame m) {
        if (m == null) {
            return "none: every enabled endpoint counts as online, so only an operator fails over";
        }
        return m.protocol() + " port " + m.port() + (m.path() == null ? "" : " " + m.path()) + ", every "
                + DurationText.of(m.interval()) + ", timeout " + DurationText.of(m.timeout()) + ", "
                + m.toleratedFailures() + " failure(s) tolerated";
    }

    public String name() {
        return name;
    }

    public ObjectProperty<RoutingMethod> routingProperty() {
        return routing;
    }

    public StringProperty ttlProperty() {
        return ttl;
    }

    /** The current answer: targets, or NXDOMAIN. */
    public StringProperty answerProperty() {
        return answer;
    }

    public BooleanProperty existsProperty() {
        return exists;
    }

    public StringProperty failedOverToProperty() {
        return failedOverTo;
    }

    public StringProperty monitorProperty() {
        return monitor;
    }

    /** "resolvers may serve the old answer (…) for another mm:ss", then "all resolvers have the new answer". */
    public StringProperty countdownProperty() {
        return countdown;
    }

    /** The last operator action's outcome: the new answer, or why it was refused. */
    public StringProperty resultProperty() {
        return result;
    }

    public BooleanProperty resultIsErrorProperty() {
        return resultIsError;
    }

    public ObservableList<EndpointRow> endpoints() {
        return endpoints;
    }

    public FailoverCalculator calculator() {
        return calculator;
    }
}
