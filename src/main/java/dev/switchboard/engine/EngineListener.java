package dev.switchboard.engine;

/**
 * Receives engine events synchronously, on the thread that caused them and while the engine's mutation lock is
 * held (so events arrive in order). Listeners must be cheap and must not block: hand the event to a queue.
 * An exception thrown by a listener is caught and dropped; it never breaks the engine or other listeners.
 */
@FunctionalInterface
public interface EngineListener {

    void onEvent(EngineEvent event);
}
