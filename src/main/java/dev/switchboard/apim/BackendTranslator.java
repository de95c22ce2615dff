package dev.switchboard.apim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.switchboard.config.ErrorReason;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * An APIM backend's properties as a config backend: our format is APIM's, so the properties pass through after
 * named values are substituted and the parts we do not run are taken out and reported.
 */
final class BackendTranslator {

    /** Properties with no effect on routing: dropped with a note. */
    private static final List<String> INFORMATIONAL = List.of("resourceId");
    /** Properties that change behaviour we do not reproduce: dropped and reported. */
    private static final List<String> UNSUPPORTED = List.of("proxy", "serviceFabricCluster", "properties");
    private static final List<String> UNSUPPORTED_CREDENTIALS = List.of("authorization", "certificate", "certificateIds");
    private static final List<String> UNSUPPORTED_TLS = List.of("serverCertificateThumbprints", "serverX509Names");

    private final ImportReport report;
    private final Map<String, String> namedValues;

    BackendTranslator(ImportReport report, Map<String, String> namedValues) {
        this.report = report;
        this.namedValues = namedValues;
    }

    /** The backend JSON, or null when a named value is missing (reported). */
    ObjectNode translate(ApimEstate.Backend backend) {
        ObjectNode json = backend.properties().deepCopy();
        String element = "backend " + backend.name();
        if (!substitute(json, backend)) {
            return null;
        }
        INFORMATIONAL.stream().filter(json::has).forEach(field -> {
            json.remove(field);
            report.warning(backend.source(), element, field + " left out: it links the Azure resource and does not change routing");
        });
        drop(json, UNSUPPORTED, backend, element, "");
        if (json.get("credentials") instanceof ObjectNode credentials) {
            drop(credentials, UNSUPPORTED_CREDENTIALS, backend, element, "credentials.");
        }
        if (json.get("tls") instanceof ObjectNode tls) {
            drop(tls, UNSUPPORTED_TLS, backend, element, "tls.");
        }
        if (json.path("type").isTextual()) {
            String type = json.get("type").asText();
            json.put("type", type.equalsIgnoreCase("pool") ? "Pool" : type.equalsIgnoreCase("single") ? "Single" : type);
        }
        raisePriorityZero(json.path("pool").path("services"), backend, element);
        for (JsonNode rule : json.path("circuitBreaker").path("rules")) {
            if (rule.path("failureCondition").path("errorReasons") instanceof ArrayNode reasons) {
                errorReasons(reasons, backend, element);
            }
        }
        report.translated(backend.source(), element, "backends." + backend.name());
        return json;
    }

    /**
     * APIM's pool priorities run 0-100, ours 1-100 (1 is best): a pool that uses 0 has its priorities renumbered 1, 2,
     * ... in their order, which keeps the groups and their order (raising each by one would push APIM's 100 out of range).
     */
    private void raisePriorityZero(JsonNode services, ApimEstate.Backend backend, String element) {
        TreeSet<Integer> priorities = new TreeSet<>();
        for (JsonNode service : services) {
            if (service.path("priority").isIntegralNumber()) {
                priorities.add(service.path("priority").asInt());
            }
        }
        if (!priorities.contains(0)) {
            return;
        }
        for (JsonNode service : services) {
            if (service instanceof ObjectNode member && member.path("priority").isIntegralNumber()) {
                member.put("priority", priorities.headSet(member.get("priority").asInt()).size() + 1);
            }
        }
        report.approximated(backend.source(), element, "APIM priority 0 (its best) is 1 here: this pool's priorities are "
                + "numbered 1, 2, ... in the same order", "backends." + backend.name() + ".pool.services");
    }

    private void drop(ObjectNode json, List<String> fields, ApimEstate.Backend backend, String element, String prefix) {
        fields.stream().filter(json::has).forEach(field -> {
            json.remove(field);
            report.unsupported(backend.source(), element, prefix + field + " is not supported; left out", null);
        });
    }

    /** Reasons we cannot tell apart (APIM's free-text ones) are reported and left out. */
    private void errorReasons(ArrayNode reasons, ApimEstate.Backend backend, String element) {
        List<String> known = Arrays.stream(ErrorReason.values()).map(Enum::name).toList();
        for (int i = reasons.size() - 1; i >= 0; i--) {
            String reason = reasons.get(i).asText();
            if (!known.contains(reason)) {
                reasons.remove(i);
                report.unsupported(backend.source(), element, "errorReason \"" + reason + "\" is not one of " + String.join(", ", known)
                        + "; left out", null);
            }
        }
    }

    /** Replaces {@code {{name}}} in every string; false when one has no value (reported). */
    private boolean substitute(JsonNode node, ApimEstate.Backend backend) {
        boolean ok = true;
        if (node instanceof ObjectNode object) {
            for (Iterator<Map.Entry<String, JsonNode>> it = object.properties().iterator(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                if (field.getValue().isTextual()) {
                    String value = replaced(field.getValue().asText(), backend);
                    ok &= value != null;
                    if (value != null) {
                        field.setValue(TextNode.valueOf(value));
                    }
                } else {
                    ok &= substitute(field.getValue(), backend);
                }
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                if (array.get(i).isTextual()) {
                    String value = replaced(array.get(i).asText(), backend);
                    ok &= value != null;
                    if (value != null) {
                        array.set(i, TextNode.valueOf(value));
                    }
                } else {
                    ok &= substitute(array.get(i), backend);
                }
            }
        }
        return ok;
    }

    private String replaced(String text, ApimEstate.Backend backend) {
        StringBuilder out = new StringBuilder();
        int pos = 0;
        while (true) {
            int open = text.indexOf("{{", pos);
            int close = open < 0 ? -1 : text.indexOf("}}", open + 2);
            if (close < 0) {
                return out.append(text, pos, text.length()).toString();
            }
            String name = text.substring(open + 2, close).strip();
            String value = namedValues.get(name);
            if (value == null) {
                report.unsupported(backend.source(), "backend " + backend.name(), "named value \"" + name
                        + "\" is defined neither in --named-values nor in the input", "add it to the --named-values file");
                return null;
            }
            out.append(text, pos, open).append(value);
            pos = close + 2;
        }
    }
}
