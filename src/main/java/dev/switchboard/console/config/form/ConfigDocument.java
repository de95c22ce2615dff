package dev.switchboard.console.config.form;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;

/**
 * The editor's text as a JSON tree the forms change in place. Values are stored as typed (a weight "abc" stays the
 * string "abc"), so the validator, not the form, judges them.
 */
public final class ConfigDocument {

    // Duplicate keys and trailing text would be dropped silently by a rewrite, so such a text is not taken at all.
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private final ObjectNode root;

    private ConfigDocument(ObjectNode root) {
        this.root = root;
    }

    /** The text as a tree, or empty when it is not one JSON object that a rewrite would keep whole. */
    public static Optional<ConfigDocument> parse(String text) {
        try {
            return JSON.readTree(text) instanceof ObjectNode o ? Optional.of(new ConfigDocument(o)) : Optional.empty();
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
    }

    /** A JSON value written in code, e.g. a template. */
    static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON: " + text, e);
        }
    }

    /** The value at {@code path}; a missing node when there is none. */
    public JsonNode at(JsonPath path) {
        JsonNode node = root;
        for (Object s : path.segments()) {
            node = s instanceof Integer i ? node.path(i) : node.path((String) s);
        }
        return node;
    }

    /**
     * Sets the value at {@code path}, creating the objects on the way; null removes it.
     *
     * @throws IllegalArgumentException when something other than an object or array stands on the way
     */
    public void set(JsonPath path, JsonNode value) {
        List<Object> s = path.segments();
        JsonNode parent = container(s.subList(0, s.size() - 1), value != null);
        Object last = s.getLast();
        if (parent == null) {
            return;
        }
        if (last instanceof Integer i) {
            ArrayNode array = (ArrayNode) parent;
            if (value == null) {
                array.remove(i);
            } else {
                array.set(i, value);
            }
        } else if (value == null) {
            ((ObjectNode) parent).remove((String) last);
        } else {
            ((ObjectNode) parent).set((String) last, value);
        }
    }

    public void remove(JsonPath path) {
        set(path, null);
    }

    /** Adds {@code value} at the end of the array at {@code path}, which is created when missing. */
    public void append(JsonPath path, JsonNode value) {
        ArrayNode array = at(path) instanceof ArrayNode existing ? existing : JSON.createArrayNode();
        if (array != at(path)) {
            set(path, array);
        }
        array.add(value);
    }

    /** The document as text, laid out like the canonical form the gateway sends. */
    public String text() {
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree always writes", e);
        }
    }

    /** The object or array at {@code segments}; missing objects are created when {@code create}, else null. */
    private JsonNode container(List<Object> segments, boolean create) {
        JsonNode node = root;
        JsonPath at = JsonPath.ROOT;
        for (Object s : segments) {
            at = s instanceof Integer i ? at.index(i) : at.field((String) s);
            JsonNode next = s instanceof Integer i ? node.path(i) : node.path((String) s);
            if ((next.isMissingNode() || next.isNull()) && create && node instanceof ObjectNode o) {
                next = o.putObject((String) s);
            }
            if (next instanceof MissingNode || next.isNull()) {
                return null;
            }
            if (!next.isContainerNode()) {
                throw new IllegalArgumentException(at + " is " + next + ", not an object: fix it in the Source tab");
            }
            node = next;
        }
        return node;
    }
}
