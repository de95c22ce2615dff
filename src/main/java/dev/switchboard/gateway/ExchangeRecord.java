package dev.switchboard.gateway;

import dev.switchboard.engine.PickExplanation;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What happened to one client request, for its access-log line and its decision trace. Filled on the event loop
 * only while a log or a trace wants it; handed to the access log's writer thread when the exchange ends and never
 * touched on the loop after that.
 */
final class ExchangeRecord {

    /** One attempt: the pick that chose its backend, what came of it and what the retry policy then said. */
    final class Attempt {
        final PickExplanation pick;
        final long startNanos;
        long elapsedNanos = -1;
        /** Response status, or the error reason, or how it ended without an outcome. */
        String outcome;
        String retry;

        Attempt(PickExplanation pick, long startNanos) {
            this.pick = pick;
            this.startNanos = startNanos;
        }

        /** The attempt ended at {@code nowNanos} with {@code how}; only the first ending counts. */
        void ended(String how, long nowNanos) {
            if (outcome == null && !handedOff) {
                outcome = how;
                elapsedNanos = nowNanos - startNanos;
                upstreamNanos += elapsedNanos;
            }
        }

        /** What the retry policy said after this attempt. */
        void retry(String decision) {
            if (!handedOff) {
                retry = decision;
            }
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

    /** Adds the attempt a pick just chose (or failed to). */
    Attempt picked(PickExplanation pick, long nowNanos) {
        Attempt attempt = new Attempt(pick, nowNanos);
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
