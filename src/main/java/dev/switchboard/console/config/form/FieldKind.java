package dev.switchboard.console.config.form;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * How a form field shows a JSON value as text and writes typed text back. An empty text removes the field (the
 * default applies); text that is not of the field's type is written as a string for the validator to report.
 */
public enum FieldKind {
    /** Free text, also durations (ISO-8601) and URLs. */
    TEXT,
    /** A number; integers stay integers. */
    NUMBER,
    /** true or false. */
    FLAG,
    /** One of the field's choices. */
    CHOICE,
    /** A list of names, e.g. error reasons: "Timeout, ConnectionReset". */
    NAMES,
    /** Status code ranges as "500-599, 429". */
    RANGES;

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** The text a form shows for {@code node}; empty when the field is absent. */
    public String read(JsonNode node) {
        if (node.isMissingNode() || node.isNull()) {
            return "";
        }
        return switch (this) {
            case NAMES -> node.isArray() ? String.join(", ", strings(node)) : raw(node);
            case RANGES -> node.isArray() ? String.join(", ", ranges(node)) : raw(node);
            default -> raw(node);
        };
    }

    /** The JSON value for typed {@code text}; null to remove the field. */
    public JsonNode write(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        return switch (this) {
            case TEXT, CHOICE -> NODES.textNode(text);
            case NUMBER -> number(text.strip());
            case FLAG -> text.strip().equals("true") || text.strip().equals("false")
                    ? NODES.booleanNode(Boolean.parseBoolean(text.strip())) : NODES.textNode(text);
            case NAMES -> {
                ArrayNode names = NODES.arrayNode();
                for (String name : text.split("[,\\s]+")) {
                    if (!name.isEmpty()) {
                        names.add(name);
                    }
                }
                yield names;
            }
            case RANGES -> {
                ArrayNode ranges = NODES.arrayNode();
                for (String range : text.split(",")) {
                    if (!range.isBlank()) {
                        ranges.add(range(range.strip()));
                    }
                }
                yield ranges;
            }
        };
    }

    private static ObjectNode range(String text) {
        // "500-599" is a range, "429" one status; a leading '-' belongs to the number, not a separator.
        int dash = text.indexOf('-', 1);
        String min = dash < 0 ? text : text.substring(0, dash).strip();
        String max = dash < 0 ? text : text.substring(dash + 1).strip();
        ObjectNode range = NODES.objectNode();
        range.set("min", number(min));
        range.set("max", number(max));
        return range;
    }

    private static JsonNode number(String text) {
        try {
            return NODES.numberNode(Long.parseLong(text));
        } catch (NumberFormatException notWhole) {
            try {
                return NODES.numberNode(new BigDecimal(text).doubleValue());
            } catch (NumberFormatException notNumber) {
                return NODES.textNode(text);
            }
        }
    }

    private static String raw(JsonNode node) {
        return node.isValueNode() ? node.asText() : node.toString();
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(raw(n)));
        return out;
    }

    private static List<String> ranges(JsonNode array) {
        List<String> out = new ArrayList<>();
        for (JsonNode r : array) {
            String min = raw(r.path("min"));
            String max = raw(r.path("max"));
            out.add(r.isObject() ? (min.equals(max) ? min : min + "-" + max) : raw(r));
        }
        return out;
    }
}
