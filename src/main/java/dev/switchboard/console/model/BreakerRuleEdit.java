package dev.switchboard.console.model;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * The editor's form for the most edited values: a backend's first breaker rule (failure count, interval, trip
 * duration). It rewrites the JSON text; the validator then judges the result like any other edit.
 */
public final class BreakerRuleEdit {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The values the form shows for one backend; empty strings where the text has none. */
    public record Values(String count, String interval, String tripDuration) {
    }

    private BreakerRuleEdit() {
    }

    /** Single backends of the text (not pools), or none when the text is not JSON. */
    public static List<String> backends(String json) {
        List<String> ids = new ArrayList<>();
        try {
            JSON.readTree(json).path("backends").properties().forEach(e -> {
                if (!"Pool".equals(e.getValue().path("type").asText())) {
                    ids.add(e.getKey());
                }
            });
        } catch (JsonProcessingException e) {
            return List.of();
        }
        return ids;
    }

    /** The first rule's values of {@code backendId}, or null when the text is not JSON. */
    public static Values read(String json, String backendId) {
        try {
            JsonNode rule = JSON.readTree(json).path("backends").path(backendId).path("circuitBreaker").path("rules").path(0);
            return new Values(rule.path("failureCondition").path("count").asText(""),
                    rule.path("failureCondition").path("interval").asText(""), rule.path("tripDuration").asText(""));
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    /**
     * The text with the first rule of {@code backendId} set to these values (a rule named "breaker" is created when
     * there is none). Values are written as typed; the validator reports what is wrong with them.
     *
     * @throws IllegalArgumentException when the text is not JSON or has no such backend
     */
    public static String write(String json, String backendId, Values values) {
        try {
            JsonNode root = JSON.readTree(json);
            JsonNode backend = root.path("backends").path(backendId);
            if (!(backend instanceof ObjectNode b)) {
                throw new IllegalArgumentException("the text has no backend '" + backendId + "'");
            }
            ObjectNode breaker = b.has("circuitBreaker") ? (ObjectNode) b.get("circuitBreaker") : b.putObject("circuitBreaker");
            ArrayNode rules = breaker.has("rules") ? (ArrayNode) breaker.get("rules") : breaker.putArray("rules");
            ObjectNode rule = rules.isEmpty() ? rules.addObject().put("name", "breaker") : (ObjectNode) rules.get(0);
            ObjectNode condition = rule.has("failureCondition") ? (ObjectNode) rule.get("failureCondition")
                    : rule.putObject("failureCondition");
            try {
                condition.put("count", Integer.parseInt(values.count().strip()));
            } catch (NumberFormatException e) {
                condition.put("count", values.count());
            }
            condition.put("interval", values.interval().strip());
            rule.put("tripDuration", values.tripDuration().strip());
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("the text is not JSON yet: fix the syntax first", e);
        }
    }
}
