package dev.switchboard.console.gateways;

import dev.switchboard.telemetry.client.ConnectionState;
import dev.switchboard.console.feed.GatewayFrame;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** One gateway in the gateways list. */
public final class GatewayRow {

    private final String id;
    private final ObjectProperty<ConnectionState> state = new SimpleObjectProperty<>(ConnectionState.CONNECTING);
    private final StringProperty stateReason = new SimpleStringProperty("nothing received yet; the Events tab shows connection attempts");
    private final StringProperty configId = new SimpleStringProperty("");
    private final LongProperty version = new SimpleLongProperty();
    private final StringProperty hash = new SimpleStringProperty("");
    private final BooleanProperty drift = new SimpleBooleanProperty();

    GatewayRow(String id) {
        this.id = id;
    }

    void update(GatewayFrame frame) {
        state.set(frame.connection());
        stateReason.set(frame.connectionReason());
        configId.set(frame.configId());
        version.set(frame.version());
        hash.set(frame.hash());
    }

    public String id() {
        return id;
    }

    public ObjectProperty<ConnectionState> stateProperty() {
        return state;
    }

    public StringProperty stateReasonProperty() {
        return stateReason;
    }

    public StringProperty configIdProperty() {
        return configId;
    }

    public LongProperty versionProperty() {
        return version;
    }

    public StringProperty hashProperty() {
        return hash;
    }

    /** Another gateway with the same config id runs a different config or overrides. */
    public BooleanProperty driftProperty() {
        return drift;
    }
}
