package dev.switchboard.console.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.config.ConfigLoader;
import dev.switchboard.config.ConfigResult;
import dev.switchboard.config.ConfigWriter;
import dev.switchboard.config.GatewayConfig;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Replays an operator's edits onto a config the gateway moved to meanwhile: a three-way merge of JSON trees (the
 * version the edits started from, the edited text, the gateway's new one). Where both changed the same value the
 * operator's edit is kept and the place is named, so nothing the operator typed is silently lost.
 */
final class ConfigRebase {

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * @param text      the edited text on the new version
     * @param conflicts JSON paths both sides changed (the operator's value kept), e.g. "/backends/orders/description"
     */
    record Result(String text, List<String> conflicts) {
        Result {
            conflicts = List.copyOf(conflicts);
        }
    }

    private ConfigRebase() {
    }

    /** @throws IllegalArgumentException when the edited text is not JSON (there is nothing to replay) */
    static Result rebase(String base, String mine, String theirs) {
        List<String> conflicts = new ArrayList<>();
        JsonNode merged = merge(read(base), read(mine), read(theirs), "", conflicts);
        String json = merged.toPrettyString();
        // Written as the editor writes a loaded config when it is one, so the diff shows only real changes.
        return new Result(ConfigLoader.parse(json) instanceof ConfigResult.Valid(GatewayConfig c) ? ConfigWriter.toJson(c)
                : json, conflicts);
    }

    private static JsonNode read(String text) {
        try {
            return JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("the edited text is not JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** Null stands for "absent" on any side. */
    private static JsonNode merge(JsonNode base, JsonNode mine, JsonNode theirs, String path, List<String> conflicts) {
        if (Objects.equals(mine, base) || Objects.equals(mine, theirs)) {
            return theirs;
        }
        if (Objects.equals(theirs, base)) {
            return mine;
        }
        if (base instanceof ObjectNode b && mine instanceof ObjectNode m && theirs instanceof ObjectNode t) {
            ObjectNode out = JSON.createObjectNode();
            Set<String> keys = new LinkedHashSet<>();
            t.fieldNames().forEachRemaining(keys::add);
            m.fieldNames().forEachRemaining(keys::add);
            for (String key : keys) {
                JsonNode value = merge(b.get(key), m.get(key), t.get(key), path + "/" + key, conflicts);
                if (value != null) {
                    out.set(key, value);
                }
            }
            return out;
        }
        if (base instanceof ArrayNode b && mine instanceof ArrayNode m && theirs instanceof ArrayNode t
                && b.size() == m.size() && b.size() == t.size()) {
            ArrayNode out = JSON.createArrayNode();
            for (int i = 0; i < b.size(); i++) {
                out.add(merge(b.get(i), m.get(i), t.get(i), path + "/" + i, conflicts));
            }
            return out;
        }
        conflicts.add(path.isEmpty() ? "/" : path);
        return mine;
    }
}
