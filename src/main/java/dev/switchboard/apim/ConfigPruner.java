package dev.switchboard.apim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/**
 * Takes the smallest whole element a config problem is about out of the translated config: an api action, a rule, an
 * api or a backend. The report then says that element was not translated, and why.
 */
final class ConfigPruner {

    private ConfigPruner() {
    }

    /** False when the problem is not inside a backend or an api (nothing sensible to take out). */
    static boolean remove(ObjectNode config, String problemPath, ImportReport report, Map<String, SourceRef> sources, String message) {
        if (problemPath.startsWith("backends.")) {
            String rest = problemPath.substring("backends.".length());
            String id = cut(rest);
            ((ObjectNode) config.get("backends")).remove(id);
            String target = "backends." + id;
            report.retarget(target, "not translated: " + message);
            report.unsupported(sourceOf(sources, target), "backend " + id, "left out: " + problemPath + ": " + message, null);
            return true;
        }
        if (problemPath.startsWith("apis[")) {
            int index = Integer.parseInt(problemPath.substring(5, problemPath.indexOf(']')));
            ArrayNode apis = (ArrayNode) config.get("apis");
            JsonNode api = apis.get(index);
            String name = api.path("name").asText();
            String rest = problemPath.substring(problemPath.indexOf(']') + 1);
            if (rest.startsWith(".rules[")) {
                int rule = Integer.parseInt(rest.substring(7, rest.indexOf(']')));
                ArrayNode rules = (ArrayNode) api.get("rules");
                String ruleName = rules.get(rule).path("name").asText();
                rules.remove(rule);
                String target = "apis[" + name + "].rules[" + ruleName + "]";
                report.retarget(target, "not translated: " + problemPath + ": " + message);
                return true;
            }
            if (rest.startsWith(".actions[")) {
                int action = Integer.parseInt(rest.substring(9, rest.indexOf(']')));
                ((ArrayNode) api.get("actions")).remove(action);
                report.retarget("apis[" + name + "].actions[" + action + "]", "not translated: " + problemPath + ": " + message);
                return true;
            }
            apis.remove(index);
            String target = "apis[" + name + "]";
            report.retarget(target, "not translated: " + message);
            report.unsupported(sourceOf(sources, target), "api " + name, "left out: " + problemPath + ": " + message, null);
            return true;
        }
        return false;
    }

    /** Every backend and api the importer wrote has its source recorded; a missing one is a bug of the importer. */
    private static SourceRef sourceOf(Map<String, SourceRef> sources, String target) {
        SourceRef source = sources.get(target);
        if (source == null) {
            throw new IllegalStateException("no source recorded for " + target);
        }
        return source;
    }

    /** "func-eu.circuitBreaker.rules[0]" → "func-eu" (backend ids may not contain dots in APIM). */
    private static String cut(String rest) {
        int dot = rest.indexOf('.');
        return dot < 0 ? rest : rest.substring(0, dot);
    }
}
