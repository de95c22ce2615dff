package dev.switchboard.notify;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Retries in virtual time: tasks wait here until the test runs them, with the delay they asked for. */
final class ManualScheduler implements Scheduler {

    record Task(Duration delay, Runnable task) {
    }

    private final List<Task> pending = new ArrayList<>();

    @Override
    public synchronized void schedule(Duration delay, Runnable task) {
        pending.add(new Task(delay, task));
    }

    synchronized List<Task> pending() {
        return List.copyOf(pending);
    }

    /** Runs the oldest pending task (as if its delay had passed) and returns the delay it asked for. */
    Duration runNext() {
        Task next;
        synchronized (this) {
            next = pending.removeFirst();
        }
        next.task().run();
        return next.delay();
    }
}
