package dev.switchboard.telemetry.client;

import dev.switchboard.telemetry.protocol.TelemetryEvent;

/**
 * Receives a {@link TelemetryClient}'s updates, always on that client's own thread and in order. Implementations
 * must return quickly; a UI coalesces onto its own thread (keep the latest model, schedule one UI update).
 */
public interface TelemetryListener {

    /** A new model: after a snapshot, a state or stats message, or an event. */
    default void onModel(GatewayModel model) {
    }

    /** The connection state changed. */
    default void onStatus(ConnectionStatus status) {
    }

    /** An event as it happened (also part of the next model's events). */
    default void onEvent(TelemetryEvent event) {
    }
}
