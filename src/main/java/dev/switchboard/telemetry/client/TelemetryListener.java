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

    /**
     * An event as it happened, with its id in the gateway's current epoch (0 from gateways that do not number events),
     * for listeners that tell events apart by id; by default {@link #onEvent(TelemetryEvent)}.
     */
    default void onEvent(TelemetryEvent event, long eventId) {
        onEvent(event);
    }

    /**
     * A snapshot, before its {@link #onModel}: the first message of every connection and the answer to a resync, so
     * what came before it may have been missed. Its events carry consecutive ids ending at {@code lastEventId}.
     */
    default void onSnapshot(GatewayModel model) {
    }
}
