package dev.switchboard.rehearsal;

import dev.switchboard.engine.Engine;
import dev.switchboard.engine.EngineEvent;
import dev.switchboard.engine.EngineListener;

/**
 * Wakes the engine at its deadlines (a trip ends, a slow-start step). The engine notices them at its next call, which
 * in a rehearsal may be the next request seconds later, and the report would stamp a trip's end then. Any engine
 * event may move the deadline, so each one reschedules the wake-up; a wake-up with nothing else left in the run is
 * skipped, as no request or probe would see the change.
 */
final class EngineDeadlines extends VirtualTime.Event implements EngineListener {

    private static final long NONE = Long.MAX_VALUE;

    private final VirtualTime time;
    private final Engine engine;
    /** When this event is in the queue for; {@link #NONE} when it is not queued. */
    private long scheduledAt = NONE;

    private EngineDeadlines(VirtualTime time, Engine engine) {
        this.time = time;
        this.engine = engine;
    }

    /** Keeps {@code engine}'s time-driven changes on time for the rest of the run. */
    static void watch(VirtualTime time, Engine engine) {
        EngineDeadlines deadlines = new EngineDeadlines(time, engine);
        engine.addListener(deadlines);
        deadlines.reschedule();
    }

    @Override
    public void onEvent(EngineEvent event) {
        // Emitted after the new state is published, so its deadline is already the new one.
        reschedule();
    }

    @Override
    void fire() {
        scheduledAt = NONE;
        if (time.idle()) {
            return;
        }
        engine.snapshot();
        // A step that changed no availability emits no event, so look again here.
        reschedule();
    }

    private void reschedule() {
        long deadline = engine.nextDeadlineNanos();
        if (deadline == scheduledAt) {
            return;
        }
        if (scheduledAt != NONE) {
            time.cancel(this);
        }
        scheduledAt = deadline;
        if (deadline != NONE) {
            time.at(deadline, this);
        }
    }
}
