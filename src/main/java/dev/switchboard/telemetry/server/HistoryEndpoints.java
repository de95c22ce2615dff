package dev.switchboard.telemetry.server;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.telemetry.protocol.Protocol;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * What a console missed while it was away: {@code GET /api/events?since=<eventId>} from the recent-events ring, and
 * {@code GET /api/audit?since=<epochMillis>&limit=N} from the audit log, which also holds what operators did before
 * the gateway restarted. A bad query parameter is an {@link IllegalArgumentException} naming it.
 */
final class HistoryEndpoints {

    static final int DEFAULT_AUDIT_LIMIT = 100;
    static final int MAX_AUDIT_LIMIT = 1000;

    private final String gatewayId;
    private final TelemetryHub hub;
    private final AuditLog audit;

    HistoryEndpoints(String gatewayId, TelemetryHub hub, AuditLog audit) {
        this.gatewayId = gatewayId;
        this.hub = hub;
        this.audit = audit;
    }

    String events(QueryStringDecoder uri) {
        long since = number(uri, "since", 0, 0, Long.MAX_VALUE, "an eventId");
        return hub.messages().eventsPage(hub.events().since(since));
    }

    String audit(QueryStringDecoder uri) {
        long since = number(uri, "since", 0, 0, Long.MAX_VALUE, "epoch milliseconds");
        int limit = (int) number(uri, "limit", DEFAULT_AUDIT_LIMIT, 1, MAX_AUDIT_LIMIT, "a count");
        AuditLog.Page page;
        try {
            page = audit.since(since, limit);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the audit log " + audit.file(), e);
        }
        ObjectNode node = Protocol.MAPPER.createObjectNode();
        node.put("gateway", gatewayId);
        node.put("more", page.more());
        var entries = node.putArray("entries");
        page.entries().forEach(e -> entries.add(Protocol.MAPPER.<ObjectNode>valueToTree(e)));
        return node.toString();
    }

    private static long number(QueryStringDecoder uri, String name, long absent, long min, long max, String what) {
        List<String> values = uri.parameters().get(name);
        if (values == null || values.isEmpty()) {
            return absent;
        }
        String text = values.getFirst();
        try {
            long value = Long.parseLong(text);
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below with the range
        }
        throw new IllegalArgumentException("query parameter " + name + " must be " + what + " from " + min
                + (max == Long.MAX_VALUE ? " up" : " to " + max) + ", got \"" + text + "\"");
    }
}
