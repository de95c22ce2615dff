package dev.switchboard.gateway;

import dev.switchboard.engine.Pick;
import dev.switchboard.engine.PickExplanation;
import dev.switchboard.engine.PinnedState;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What happened to one client request, for its access-log line and its decision trace. Filled on the event loop
 * only while a log or a trace wants it; handed to the access log's writer thread when the exchange ends and never
 * touched on the loop after that.
 */
final class ExchangeRecord {

    /**
     * One attempt: the pick that chose its backend, what came of it and what the retry policy then said. The pick
     * is explained only when a line or trace is written, on the log's writer thread for the log.
     */
    final class Attempt {
        private final PinnedState state;
        private final String affinityKey;
        private final int number;
        private final boolean preferUntried;
        private final Pick chosen;
        private PickExplanation pick;
        final long startNanos;
        long elapsedNanos = -1;
        /** Response status, or the error reason, or how it ended without an outcome. */
        String outcome;
        /** What the retry policy said (null before it spoke), and the wait it asked for (null for stop). */
        String retryWhy;
        Duration retryDelay;

        Attempt(PinnedState state, String affinityKey, int number, boolean preferUntried, Pick chosen, long startNanos) {
            this.state = state;
            this.affinityKey = affinityKey;
            this.number = number;
            this.preferUntried = preferUntried;
            this.chosen = chosen;
            this.startNanos = startNanos;
        }

        /** How the pick went; explained on first use. */
        PickExplanation pick() {
            if (pick == null) {
                pick = state.explain(target, affinityKey, number, preferUntried, chosen);
            }
            return pick;
        }

        /** The attempt ended at {@code nowNanos} with {@code how}; only the first ending counts. */
        void ended(String how, long nowNanos) {
            if (outcome == null && !handedOff) {
                outcome = how;
                elapsedNanos = nowNanos - startNanos;
                upstreamNanos += elapsedNanos;
            }
        }

        /** What the retry policy said after this attempt: retry after {@code delay}, or stop (null), and why. */
        void retry(Duration delay, String why) {
            if (!handedOff) {
                retryDelay = delay;
                retryWhy = why;
            }
        }

        /**
         * How the retry decision's text starts, before its why; joined only when written: joining them on the
         * event loop was a String per request.
         */
        String retryPrefix() {
            return retryDelay == null ? "stop: " : "retry after " + retryDelay.toMillis() + " ms: ";
        }
    }

    final Instant time;
    final long startNanos;
    final String client;
    final String method;
    final String path;
    String api;
    String rule;
    String target;
    final List<Attempt> attempts = new ArrayList<>(2);
    int status;
    long bytes;
    long upstreamNanos;
    long totalNanos;
    /** The response broke off, or the client left before it. */
    boolean aborted;
    /** Given to the log's writer: the event loop no longer changes it. */
    private boolean handedOff;

    ExchangeRecord(Instant time, long startNanos, String client, String method, String path) {
        this.time = time;
        this.startNanos = startNanos;
        this.client = client;
        this.method = method;
        this.path = path;
    }

    /** Adds the attempt a pick made in {@code state} just chose (or failed to). */
    Attempt picked(PinnedState state, String affinityKey, boolean preferUntried, Pick pick, long nowNanos) {
        Attempt attempt = new Attempt(state, affinityKey, attempts.size() + 1, preferUntried, pick, nowNanos);
        attempts.add(attempt);
        return attempt;
    }

    /** The exchange ended at {@code nowNanos}: the record is complete and goes to the log's writer. */
    void complete(int finalStatus, long bodyBytes, long nowNanos) {
        status = finalStatus;
        bytes = bodyBytes;
        totalNanos = nowNanos - startNanos;
        handedOff = true;
    }
}
