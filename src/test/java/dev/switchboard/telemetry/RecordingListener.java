package dev.switchboard.telemetry;

import dev.switchboard.telemetry.client.ConnectionState;
import dev.switchboard.telemetry.client.ConnectionStatus;
import dev.switchboard.telemetry.client.GatewayModel;
import dev.switchboard.telemetry.client.TelemetryListener;
import dev.switchboard.telemetry.protocol.TelemetryEvent;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Keeps everything a {@link dev.switchboard.telemetry.client.TelemetryClient} delivered, and which thread delivered it. */
final class RecordingListener implements TelemetryListener {

    final List<ConnectionStatus> statuses = new CopyOnWriteArrayList<>();
    final List<TelemetryEvent> events = new CopyOnWriteArrayList<>();
    final List<String> threads = new CopyOnWriteArrayList<>();
    volatile GatewayModel model;

    @Override
    public void onModel(GatewayModel m) {
        model = m;
        threads.add(Thread.currentThread().getName());
    }

    @Override
    public void onStatus(ConnectionStatus status) {
        statuses.add(status);
    }

    @Override
    public void onEvent(TelemetryEvent event) {
        events.add(event);
    }

    boolean sawState(ConnectionState state) {
        return statuses.stream().anyMatch(s -> s.state() == state);
    }
}
