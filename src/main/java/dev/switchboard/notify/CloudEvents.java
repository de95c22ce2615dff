package dev.switchboard.notify;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;

/** Writes a {@link Notification} as a CloudEvents 1.0 event in structured mode (the whole event is the JSON body). */
final class CloudEvents {

    static final String CONTENT_TYPE = "application/cloudevents+json; charset=utf-8";
    private static final ObjectMapper JSON = new ObjectMapper();

    private CloudEvents() {
    }

    /** @param gatewayId the config's {@code gateway.id}: the event's {@code source} is {@code /switchboard/gateways/<id>} */
    static byte[] body(String gatewayId, Notification n) {
        ObjectNode event = JSON.createObjectNode();
        event.put("specversion", "1.0");
        event.put("id", n.id());
        event.put("source", "/switchboard/gateways/" + gatewayId);
        event.put("type", n.type());
        event.put("subject", n.subject());
        event.put("time", n.time().toString());
        event.put("datacontenttype", "application/json");
        event.set("data", JSON.valueToTree(n.data()));
        try {
            return JSON.writeValueAsString(event).getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a notification could not be written as JSON", e);
        }
    }
}
