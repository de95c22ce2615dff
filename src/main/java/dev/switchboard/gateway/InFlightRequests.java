package dev.switchboard.gateway;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** Counts requests between their head arriving and their response finishing, so shutdown can wait for them. */
final class InFlightRequests {

    private int count;

    synchronized void begin() {
        count++;
    }

    synchronized void end() {
        if (--count == 0) {
            notifyAll();
        }
    }

    synchronized int count() {
        return count;
    }

    /** Waits until no request is in flight or {@code timeout} passes; true when all finished. */
    synchronized boolean awaitIdle(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (count > 0) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
        return true;
    }
}
