package dev.switchboard.console.dns;

import dev.switchboard.console.feed.EndpointFrame;
import dev.switchboard.dns.MonitorStatus;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** One endpoint of a traffic profile as the DNS view shows it; updated in place so table cells stay put. */
public final class EndpointRow {

    private final String name;
    private final StringProperty target = new SimpleStringProperty("");
    private final IntegerProperty priority = new SimpleIntegerProperty();
    private final IntegerProperty effectivePriority = new SimpleIntegerProperty();
    private final IntegerProperty weight = new SimpleIntegerProperty();
    private final StringProperty region = new SimpleStringProperty("");
    private final BooleanProperty enabled = new SimpleBooleanProperty(true);
    private final BooleanProperty operatorOverride = new SimpleBooleanProperty();
    private final ObjectProperty<MonitorStatus> status = new SimpleObjectProperty<>(MonitorStatus.CHECKING);
    private final StringProperty reason = new SimpleStringProperty("");
    private final BooleanProperty inAnswer = new SimpleBooleanProperty();
    /** Why "fail over to" is not possible now; empty when it is. */
    private final StringProperty failOverBlocked = new SimpleStringProperty("");

    EndpointRow(String name) {
        this.name = name;
    }

    void update(EndpointFrame e, String whyNoFailOver) {
        target.set(e.target());
        priority.set(e.priority());
        effectivePriority.set(e.effectivePriority());
        weight.set(e.weight());
        region.set(e.region() == null ? "" : e.region());
        enabled.set(e.enabled());
        operatorOverride.set(e.operatorOverride());
        status.set(e.status());
        reason.set(e.reason());
        inAnswer.set(e.inAnswer());
        failOverBlocked.set(whyNoFailOver);
    }

    public String name() {
        return name;
    }

    public StringProperty targetProperty() {
        return target;
    }

    public IntegerProperty priorityProperty() {
        return priority;
    }

    public IntegerProperty effectivePriorityProperty() {
        return effectivePriority;
    }

    public IntegerProperty weightProperty() {
        return weight;
    }

    public StringProperty regionProperty() {
        return region;
    }

    public BooleanProperty enabledProperty() {
        return enabled;
    }

    public BooleanProperty operatorOverrideProperty() {
        return operatorOverride;
    }

    public ObjectProperty<MonitorStatus> statusProperty() {
        return status;
    }

    public StringProperty reasonProperty() {
        return reason;
    }

    public BooleanProperty inAnswerProperty() {
        return inAnswer;
    }

    public StringProperty failOverBlockedProperty() {
        return failOverBlocked;
    }
}
