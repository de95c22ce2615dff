package dev.switchboard.gateway;

import dev.switchboard.engine.PinnedState;
import dev.switchboard.engine.routing.RouteMatch;
import io.netty.handler.codec.http.HttpRequest;
import java.time.Instant;

/**
 * Who watches one exchange: the access log, and the decision trace when the request asked for one with an
 * operator token. Keeps the {@link ExchangeRecord} they share; with neither, it records nothing.
 */
final class ExchangeObserver {

    private final AccessLog log;
    private final boolean tracing;
    private final ExchangeRecord record;

    private ExchangeObserver(AccessLog log, boolean tracing, ExchangeRecord record) {
        this.log = log;
        this.tracing = tracing;
        this.record = record;
    }

    /**
     * Starts watching {@code request}, routed with {@code pinned}. Removes its {@code X-Switchboard-Trace} header
     * whatever it holds, so it never reaches a backend.
     */
    static ExchangeObserver start(HttpRequest request, String path, String clientIp, PinnedState pinned, AccessLog log, long nowNanos) {
        String token = request.headers().get(DecisionTrace.REQUEST_HEADER);
        boolean tracing = false;
        if (token != null) {
            request.headers().remove(DecisionTrace.REQUEST_HEADER);
            tracing = DecisionTrace.authorized(pinned.config().admin(), token);
        }
        ExchangeRecord record = tracing || log != null
                ? new ExchangeRecord(Instant.now(), nowNanos, clientIp, request.method().name(), path) : null;
        return new ExchangeObserver(log, tracing, record);
    }

    /** Where picks and attempts are written down; null when nobody watches. */
    ExchangeRecord record() {
        return record;
    }

    void routed(RouteMatch route) {
        if (record != null) {
            record.api = route.api().name();
            record.rule = route.rule();
            record.target = route.targetId();
        }
    }

    /** The response head is about to go out: it carries the trace when one was asked for. */
    void beforeResponseHead(ClientResponseWriter writer) {
        if (tracing) {
            writer.trace(RecordJson.trace(record));
        }
    }

    /** The response broke off, or the client left before it. */
    void aborted() {
        if (record != null) {
            record.aborted = true;
        }
    }

    /** The exchange ended: the record is complete and goes to the access log. */
    void ended(ClientResponseWriter writer, long nowNanos) {
        if (record != null) {
            record.complete(writer.status(), writer.bodyBytes(), nowNanos);
            if (log != null) {
                log.offer(record);
            }
        }
    }
}
