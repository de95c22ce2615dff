package dev.switchboard.apim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads the APIM resources of an ARM template into an {@link ApimEstate}: backends, apis, operations, their
 * policies, the global policy and named values, top level or nested under their parent resource. Other resources
 * are listed in the report as not imported.
 */
final class ArmTemplateReader {

    private static final String SERVICE = "microsoft.apimanagement/service";

    private final String file;
    private final JsonNode template;
    private final ApimEstate estate;
    private final ImportReport report;

    private ArmTemplateReader(String file, JsonNode template, ApimEstate estate, ImportReport report) {
        this.file = file;
        this.template = template;
        this.estate = estate;
        this.report = report;
    }

    static void read(String file, JsonNode template, ApimEstate estate, ImportReport report) {
        ArmTemplateReader reader = new ArmTemplateReader(file, template, estate, report);
        JsonNode resources = template.path("resources");
        for (int i = 0; i < resources.size(); i++) {
            reader.resource(resources.get(i), "resources[" + i + "]", "", "");
        }
    }

    private void resource(JsonNode resource, String path, String parentType, String parentName) {
        SourceRef source = SourceRef.json(file, path);
        String type = resource.path("type").asText("");
        String fullType = parentType.isEmpty() || type.contains("/") && type.contains(".") ? type : parentType + "/" + type;
        if (!deployed(resource, path, "resource " + fullType)) {
            // ARM deploys neither the resource nor the children nested in it.
            return;
        }
        String name;
        try {
            name = ArmExpression.evaluate(resource.path("name").asText(""), template);
        } catch (ImportException e) {
            report.unsupported(source, "resource " + fullType, e.getMessage(), null);
            return;
        }
        String fullName = parentName.isEmpty() ? name : parentName + "/" + name;
        String lower = fullType.toLowerCase(Locale.ROOT);
        List<String> segments = List.of(fullName.split("/"));
        if (lower.startsWith(SERVICE + "/")) {
            apimResource(lower.substring(SERVICE.length() + 1), segments, resource.path("properties"), source, path);
        } else if (!lower.equals(SERVICE)) {
            report.warning(source, "resource " + fullType, "not imported: not an API Management resource");
        }
        JsonNode children = resource.path("resources");
        for (int i = 0; i < children.size(); i++) {
            resource(children.get(i), path + ".resources[" + i + "]", fullType, fullName);
        }
    }

    /**
     * False when the resource's {@code condition} is false (reported as not imported) or cannot be evaluated (reported as
     * an error: importing it or not would be a guess).
     */
    private boolean deployed(JsonNode resource, String path, String element) {
        JsonNode condition = resource.get("condition");
        if (condition == null) {
            return true;
        }
        SourceRef source = SourceRef.json(file, path + ".condition");
        try {
            String value = (condition.isTextual() ? ArmExpression.evaluateValue(condition.asText(), template) : condition).asText();
            if (!value.equalsIgnoreCase("true") && !value.equalsIgnoreCase("false")) {
                throw new ImportException("it is neither true nor false");
            }
            boolean deployed = value.equalsIgnoreCase("true");
            if (!deployed) {
                report.warning(source, element, "not imported: its condition is false, so ARM does not deploy it");
            }
            return deployed;
        } catch (ImportException e) {
            report.unsupported(source, element, "condition " + condition.asText() + " cannot be evaluated: " + e.getMessage()
                    + "; not imported", null);
            return false;
        }
    }

    private void apimResource(String kind, List<String> names, JsonNode properties, SourceRef source, String path) {
        String last = names.getLast();
        switch (kind) {
            case "backends" -> backend(last, properties, source);
            case "apis" -> {
                ApimEstate.Api api = estate.api(last);
                api.path = evaluated(properties, path, "path");
                api.pathUnreadable = api.path == null && properties.path("path").isTextual();
                api.serviceUrl = evaluated(properties, path, "serviceUrl");
                api.source = source;
            }
            case "apis/policies" -> policyText(properties, path, source).ifPresent(t -> estate.api(at(names, 2)).policy = t);
            case "apis/operations" -> operation(estate.api(at(names, 2)), last, properties, source, path);
            case "apis/operations/policies" -> policyText(properties, path, source)
                    .ifPresent(t -> estate.api(at(names, 3)).operationPolicies.put(at(names, 2), t));
            case "policies" -> policyText(properties, path, source).ifPresent(t -> estate.globalPolicy = t);
            case "namedvalues", "properties" -> namedValue(last, properties, source);
            default -> report.warning(source, "resource " + kind, "not imported: no routing meaning for the gateway");
        }
    }

    /** The name {@code fromEnd} segments from the end ({@code 1} is the last). */
    private static String at(List<String> names, int fromEnd) {
        return names.size() >= fromEnd ? names.get(names.size() - fromEnd) : names.getFirst();
    }

    private void backend(String name, JsonNode properties, SourceRef source) {
        if (!(properties instanceof ObjectNode object)) {
            report.unsupported(source, "backend " + name, "has no properties", null);
            return;
        }
        ObjectNode copy = object.deepCopy();
        try {
            evaluateStrings(copy);
        } catch (ImportException e) {
            report.unsupported(source, "backend " + name, e.getMessage(), null);
            return;
        }
        estate.backends.put(name, new ApimEstate.Backend(name, copy, source));
    }

    /** ARM expressions in string values, in place (a url built with concat, a pool service id from resourceId, a weight from a parameter). */
    private void evaluateStrings(JsonNode node) throws ImportException {
        if (node instanceof ObjectNode object) {
            for (Iterator<Map.Entry<String, JsonNode>> it = object.properties().iterator(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                if (field.getValue().isTextual()) {
                    object.set(field.getKey(), ArmExpression.evaluateValue(field.getValue().asText(), template));
                } else {
                    evaluateStrings(field.getValue());
                }
            }
        } else if (node != null && node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                JsonNode item = node.get(i);
                if (item.isTextual()) {
                    ((com.fasterxml.jackson.databind.node.ArrayNode) node).set(i, ArmExpression.evaluateValue(item.asText(), template));
                } else {
                    evaluateStrings(item);
                }
            }
        }
    }

    /** An operation whose method or URL template is an expression that cannot be evaluated is left out (reported). */
    private void operation(ApimEstate.Api api, String name, JsonNode properties, SourceRef source, String path) {
        String method = properties.path("method").isTextual() ? evaluated(properties, path, "method") : "GET";
        String urlTemplate = properties.path("urlTemplate").isTextual() ? evaluated(properties, path, "urlTemplate") : "/";
        if (method != null && urlTemplate != null) {
            api.operations.put(name, new ApimEstate.Operation(name, method, urlTemplate, source));
        }
    }

    /** A string property, ARM expressions evaluated; null when absent or not evaluable (reported at its JSON path). */
    private String evaluated(JsonNode properties, String path, String field) {
        JsonNode value = properties.path(field);
        if (!value.isTextual()) {
            return null;
        }
        try {
            return ArmExpression.evaluate(value.asText(), template);
        } catch (ImportException e) {
            report.unsupported(SourceRef.json(file, path + ".properties." + field), field, e.getMessage(), null);
            return null;
        }
    }

    private java.util.Optional<ApimEstate.PolicyText> policyText(JsonNode properties, String path, SourceRef source) {
        String format = properties.path("format").asText("xml");
        if (format.endsWith("-link")) {
            report.unsupported(source, "policy", "format " + format + " points at a URL; export the policy inline (rawxml)", null);
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(new ApimEstate.PolicyText(properties.path("value").asText(""),
                SourceRef.json(file, path + ".properties.value")));
    }

    private void namedValue(String name, JsonNode properties, SourceRef source) {
        String display = properties.path("displayName").asText(name);
        if (properties.path("value").isTextual()) {
            estate.namedValues.put(name, properties.path("value").asText());
            estate.namedValues.put(display, properties.path("value").asText());
        }
        // Without a value (a Key Vault secret) it must come from --named-values; a use without one is reported.
    }
}
