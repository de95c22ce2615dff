package dev.switchboard.notify;

import java.time.Duration;

/** Runs retries later; tests pass one driven by virtual time so backoff needs no waiting. */
@FunctionalInterface
public interface Scheduler {

    void schedule(Duration delay, Runnable task);
}
