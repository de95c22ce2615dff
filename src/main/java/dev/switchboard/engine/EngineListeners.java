package dev.switchboard.engine;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** The engine's listeners: each event goes to every one, and a listener that throws never stops the others. */
final class EngineListeners {

    private static final System.Logger LOG = System.getLogger(Engine.class.getName());

    private final List<EngineListener> listeners = new CopyOnWriteArrayList<>();

    void add(EngineListener listener) {
        listeners.add(listener);
    }

    void remove(EngineListener listener) {
        listeners.remove(listener);
    }

    void emit(List<EngineEvent> events) {
        for (EngineEvent e : events) {
            for (EngineListener l : listeners) {
                try {
                    l.onEvent(e);
                } catch (RuntimeException ex) {
                    LOG.log(System.Logger.Level.WARNING, "engine listener failed on " + e, ex);
                }
            }
        }
    }
}
