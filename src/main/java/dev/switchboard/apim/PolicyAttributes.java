package dev.switchboard.apim;

import java.util.List;
import java.util.Map;

/**
 * The attributes each element the import translates may carry. Any other (a typo such as {@code cont="3"}, or an APIM
 * attribute we do not run, such as Service Fabric's {@code sf-*} or set-body's {@code template}) is reported at its
 * element, as an element we do not translate is: it would otherwise be read as absent without a word.
 */
final class PolicyAttributes {

    private static final List<String> NONE = List.of();
    private static final List<String> NAME_VALUE = List.of("name", "exists-action");

    private static final Map<String, List<String>> TAKES = Map.ofEntries(
            Map.entry("policies", NONE), Map.entry("inbound", NONE), Map.entry("backend", NONE), Map.entry("outbound", NONE),
            Map.entry("on-error", NONE), Map.entry("base", NONE), Map.entry("choose", NONE), Map.entry("otherwise", NONE),
            Map.entry("value", NONE),
            Map.entry("when", List.of("condition")),
            Map.entry("set-backend-service", List.of("backend-id", "base-url")),
            Map.entry("retry", List.of("condition", "count", "interval", "max-interval", "delta", "first-fast-retry")),
            Map.entry("forward-request", List.of("timeout", "timeout-ms", "follow-redirects", "buffer-request-body", "buffer-response",
                    "fail-on-error-status-code")),
            Map.entry("rewrite-uri", List.of("template", "copy-unmatched-params")),
            Map.entry("set-header", NAME_VALUE), Map.entry("set-query-parameter", NAME_VALUE),
            Map.entry("return-response", List.of("response-variable-name")),
            Map.entry("set-status", List.of("code", "reason")),
            Map.entry("set-body", NONE),
            Map.entry("mock-response", List.of("status-code", "content-type", "index")));

    private PolicyAttributes() {
    }

    /** Reports every attribute of {@code node} and its descendants that its element does not take. */
    static void check(PolicyNode node, ImportReport report) {
        List<String> takes = TAKES.get(node.name());
        if (takes != null) {
            node.attributes().keySet().stream().filter(attribute -> !takes.contains(attribute)).sorted().forEach(attribute ->
                    report.unsupported(node.source(), node.name(), "attribute " + attribute + " is not one " + node.name() + " takes here"
                            + (takes.isEmpty() ? "" : " (" + String.join(", ", takes) + ")") + "; left out", null));
        }
        node.children().forEach(child -> check(child, report));
    }
}
