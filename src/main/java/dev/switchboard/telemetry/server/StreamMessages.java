package dev.switchboard.telemetry.server;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.telemetry.protocol.GatewayState;
import dev.switchboard.telemetry.protocol.Protocol;
import dev.switchboard.telemetry.protocol.TelemetryEvent;
import java.util.List;

/** The JSON of the stream's messages (docs/telemetry.md) and of {@code /api/events}, for one gateway. */
final class StreamMessages {

    private final String gatewayId;

    StreamMessages(String gatewayId) {
        this.gatewayId = gatewayId;
    }

    /** {@code type}, {@code v}, {@code gateway}, {@code ts}, then the payload's fields (its own {@code type} dropped). */
    ObjectNode envelope(String type, long ts, Object payload) {
        ObjectNode node = Protocol.MAPPER.createObjectNode();
        node.put("type", type);
        node.put("v", Protocol.VERSION);
        node.put("gateway", gatewayId);
        node.put("ts", ts);
        if (payload != null) {
            ObjectNode body = Protocol.MAPPER.valueToTree(payload);
            body.remove("type");
            node.setAll(body);
        }
        return node;
    }

    /** An event message, with its {@code eventId}. */
    String event(EventRing.Numbered e) {
        return envelope(TelemetryEvent.typeOf(e.event()), e.event().ts(), e.event()).put("eventId", e.id()).toString();
    }

    /** The first message of a connection: the state, the ring's epoch and last id, and its newest {@code recent} events. */
    String snapshot(GatewayState state, EventRing ring, int recent) {
        ObjectNode node = envelope(Protocol.Types.SNAPSHOT, System.currentTimeMillis(), null);
        node.put("epoch", ring.epoch());
        node.put("lastEventId", ring.lastId());
        node.set("state", Protocol.MAPPER.valueToTree(state));
        events(node, ring.newest(recent));
        return node.toString();
    }

    String state(long ts, GatewayState state) {
        ObjectNode node = envelope(Protocol.Types.STATE, ts, null);
        node.set("state", Protocol.MAPPER.valueToTree(state));
        return node.toString();
    }

    /** The body of {@code GET /api/events}. */
    String eventsPage(EventRing.Page page) {
        ObjectNode node = Protocol.MAPPER.createObjectNode();
        node.put("gateway", gatewayId);
        node.put("epoch", page.epoch());
        node.put("lastEventId", page.lastEventId());
        node.put("complete", page.complete());
        node.put("oldestEventId", page.oldestEventId());
        node.put("retained", page.retained());
        events(node, page.events());
        return node.toString();
    }

    private static void events(ObjectNode node, List<EventRing.Numbered> numbered) {
        // One by one: each element's type id is only written when Jackson sees the event's own class.
        ArrayNode events = node.putArray("events");
        numbered.forEach(e -> events.add(Protocol.MAPPER.<ObjectNode>valueToTree(e.event()).put("eventId", e.id())));
    }
}
