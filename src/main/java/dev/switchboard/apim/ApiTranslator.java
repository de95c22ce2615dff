package dev.switchboard.apim;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One api with its effective policies (global → api → operation) as a config api: backend, actions, rules (its
 * choose, then one rule per operation with its own policy, matched on method and path), retry and timeouts.
 */
final class ApiTranslator {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final List<String> RESPONSE_SECTIONS = List.of("outbound", "on-error");
    private static final List<String> SECTIONS = List.of("inbound", "backend", "outbound", "on-error");

    private final ImportReport report;
    private final InboundTranslator inbound;
    private final ImplicitBackends implicit;
    private final Map<String, String> namedValues;
    private final PolicyNode global;

    ApiTranslator(ImportReport report, ImplicitBackends implicit, InboundTranslator inbound, Map<String, String> namedValues,
            PolicyNode global) {
        this.report = report;
        this.implicit = implicit;
        this.inbound = inbound;
        this.namedValues = namedValues;
        this.global = global;
    }

    /**
     * Parses a policy text, reporting missing named values; null without one. {@link ApimImporter} refused every policy
     * that is not well-formed XML before translating, so the text parses.
     */
    static PolicyNode parse(ApimEstate.PolicyText text, Map<String, String> namedValues, ImportReport report) {
        if (text == null) {
            return null;
        }
        PolicyXml.Parsed parsed = PolicyXml.parse(text.xml(), text.source(), namedValues);
        for (PolicyXml.Missing missing : parsed.missing()) {
            report.unsupported(missing.at(), "{{" + missing.name() + "}}", "named value \"" + missing.name()
                    + "\" is defined neither in --named-values nor in the input", "add it to the --named-values file");
        }
        PolicyNode root = parsed.root();
        if (root != null && !root.name().equals("policies")) {
            report.unsupported(root.source(), root.name(), "a policy document is <policies>; nothing in it was read", null);
            return null;
        }
        // A section APIM does not have (often a typo such as <outbund>) would otherwise be skipped without a word.
        if (root != null) {
            PolicyAttributes.check(root, report);
            root.children().stream().filter(section -> !SECTIONS.contains(section.name())).forEach(section -> report.unsupported(
                    section.source(), section.name(), "not a policy section (inbound, backend, outbound, on-error); left out", null));
        }
        return root;
    }

    /**
     * Where an api is defined: its own resource or apiInformation.json, else (an api known only from its policy or
     * operations) the first of those.
     */
    static SourceRef sourceOf(ApimEstate.Api api) {
        if (api.source != null) {
            return api.source;
        }
        if (api.policy != null) {
            return api.policy.source();
        }
        for (ApimEstate.Operation op : api.operations.values()) {
            return op.source();
        }
        for (ApimEstate.PolicyText text : api.operationPolicies.values()) {
            return text.source();
        }
        throw new IllegalStateException("api " + api.name + " was read from nowhere");
    }

    /** The api's config JSON; null when it has no backend or no readable path (reported). */
    ObjectNode translate(ApimEstate.Api api) {
        String target = "apis[" + api.name + "]";
        SourceRef source = sourceOf(api);
        if (api.pathUnreadable) {
            report.unsupported(source, "api " + api.name, "its path could not be evaluated (reported at its JSON path); left out", null);
            return null;
        }
        PolicyNode root = parse(api.policy, namedValues, report);
        reportGlobalStatementsLeftOut(api, root);
        List<PolicyNode> in = PolicyScopes.effective("inbound", root, PolicyScopes.effective("inbound", global, List.of()));
        InboundTranslator.Scope scope = inbound.translate(in, target, "", List.of());
        BackendSectionTranslator.Result backend = BackendSectionTranslator.translate(
                PolicyScopes.effective("backend", root, PolicyScopes.effective("backend", global, List.of())), report, target);
        for (String section : RESPONSE_SECTIONS) {
            for (PolicyNode statement : PolicyScopes.effective(section, root, PolicyScopes.effective(section, global, List.of()))) {
                report.unsupported(statement.source(), statement.name(), section + " policies (on the response) are not translated",
                        InboundTranslator.HINTS.get(statement.name()));
            }
        }
        String backendId = scope.backendId;
        if (backendId == null && api.serviceUrl != null && !api.serviceUrl.isBlank()) {
            backendId = implicit.idFor(api.serviceUrl, source);
            report.translated(source, "serviceUrl", target + ".backendId", "implicit backend " + backendId);
        }
        if (backendId == null) {
            report.unsupported(source, "api " + api.name, "has no backend: no set-backend-service and no serviceUrl", null);
            return null;
        }
        String prefix = "/" + trimSlashes(api.path == null ? "" : api.path);
        ObjectNode json = JSON.objectNode().put("name", api.name).put("path", prefix).put("backendId", backendId);
        ArrayNode rules = json.putArray("rules");
        for (ApimEstate.Operation op : api.operations.values()) {
            ApimEstate.PolicyText text = api.operationPolicies.get(op.name());
            if (text != null) {
                withApiRules(operation(api, op, text, prefix, target), scope.rules).forEach(rule -> rules.add(ruleJson(rule)));
            }
        }
        api.operationPolicies.keySet().stream().filter(name -> !api.operations.containsKey(name)).forEach(name ->
                report.unsupported(api.operationPolicies.get(name).source(), "operation " + name,
                        "has a policy but no method and urlTemplate (operationInformation.json or the ARM operation)", null));
        scope.rules.forEach(rule -> rules.add(ruleJson(rule)));
        if (!scope.actions.isEmpty()) {
            json.putArray("actions").addAll(scope.actions);
        }
        if (backend.retry != null) {
            json.set("retry", backend.retry);
        }
        if (backend.total != null) {
            ObjectNode timeouts = json.putObject("timeouts").put("total", backend.total.toString());
            if (backend.total.compareTo(Duration.ofSeconds(30)) < 0) {
                timeouts.put("perTry", backend.total.toString());
            }
        }
        report.translated(source, "api " + api.name, target);
        return json;
    }

    /**
     * A section of the api's policy without {@code <base/>} leaves the global policy's section out, as APIM does; the
     * operator is told which statements no longer apply to this api.
     */
    private void reportGlobalStatementsLeftOut(ApimEstate.Api api, PolicyNode root) {
        for (String section : SECTIONS) {
            PolicyNode own = PolicyScopes.section(root, section);
            List<PolicyNode> leftOut = PolicyScopes.effective(section, global, List.of());
            if (own != null && own.child("base") == null && !leftOut.isEmpty()) {
                report.warning(own.source(), section, "has no <base/>, so the global policy's " + section + " statements ("
                        + leftOut.stream().map(s -> s.name() + " at " + s.source()).collect(Collectors.joining(", "))
                        + ") do not apply to api " + api.name + ", as in APIM");
            }
        }
    }

    /** An operation's own inbound statements as rules matched on its method and path, placed before the api's rules. */
    private List<RuleDraft> operation(ApimEstate.Api api, ApimEstate.Operation op, ApimEstate.PolicyText text, String prefix, String target) {
        PolicyNode root = parse(text, namedValues, report);
        if (root == null) {
            return List.of();
        }
        List<ObjectNode> conditions = List.of(
                JSON.objectNode().put("expression", "context.Request.Method == \"" + op.method().toUpperCase(java.util.Locale.ROOT) + "\""),
                JSON.objectNode().put("source", "path").put("regex", pathRegex(prefix, op.urlTemplate())));
        PolicyNode own = PolicyScopes.section(root, "inbound");
        List<PolicyNode> statements = new ArrayList<>();
        if (own != null) {
            for (int i = 0; i < own.children().size(); i++) {
                PolicyNode statement = own.children().get(i);
                if (!statement.name().equals("base")) {
                    statements.add(statement);
                } else if (i > 0) {
                    report.approximated(statement.source(), "base", "the api's statements run before the operation's, not here", target);
                }
            }
            if (own.children().stream().noneMatch(s -> s.name().equals("base"))) {
                report.approximated(own.source(), "inbound", "without <base/> APIM skips the api's statements; the api's actions still run",
                        target);
            }
        }
        for (String section : List.of("backend", "outbound", "on-error")) {
            PolicyNode ownSection = PolicyScopes.section(root, section);
            if (ownSection != null && ownSection.children().stream().anyMatch(s -> !s.name().equals("base"))) {
                report.unsupported(ownSection.source(), section, "an operation's own " + section + " section is not translated; the api's applies", null);
            }
        }
        String rulePrefix = "op-" + op.name();
        InboundTranslator.Scope scope = inbound.translate(statements, target, rulePrefix + "-", conditions);
        List<RuleDraft> rules = new ArrayList<>(scope.rules);
        RuleDraft catchAll = new RuleDraft(rulePrefix, own != null ? own.source() : text.source());
        catchAll.conditions.addAll(conditions);
        catchAll.backendId = scope.backendId;
        catchAll.actions.addAll(scope.actions);
        if (catchAll.doesSomething()) {
            rules.add(catchAll);
            report.translated(catchAll.source, "operation " + op.name(), target + ".rules[" + rulePrefix + "]");
        }
        return rules;
    }

    /**
     * An operation's statements run after the api's (its {@code <base/>} comes first), and rules take the first match:
     * so each operation rule is tried together with each api rule first (both conditions, the api rule's backend unless
     * the operation sets one, the api rule's actions then the operation's), then alone.
     */
    private static List<RuleDraft> withApiRules(List<RuleDraft> opRules, List<RuleDraft> apiRules) {
        List<RuleDraft> combined = new ArrayList<>();
        for (RuleDraft op : opRules) {
            for (RuleDraft api : apiRules) {
                RuleDraft both = new RuleDraft(op.name + "+" + api.name, op.source);
                both.conditions.addAll(op.conditions);
                both.conditions.addAll(api.conditions);
                both.backendId = op.backendId != null ? op.backendId : api.backendId;
                both.actions.addAll(api.actions);
                both.actions.addAll(op.actions);
                combined.add(both);
            }
            combined.add(op);
        }
        return combined;
    }

    /** "/orders" + "/items/{id}" → "/orders/items/(?<id>[^/]+)" (the query part of the template is not matched). */
    static String pathRegex(String prefix, String urlTemplate) {
        String template = urlTemplate.indexOf('?') < 0 ? urlTemplate : urlTemplate.substring(0, urlTemplate.indexOf('?'));
        String path = (prefix.equals("/") ? "" : prefix) + (template.startsWith("/") ? template : "/" + template);
        List<String> parts = dev.switchboard.config.RequestAction.RewriteUri.parts(path);
        if (parts == null) {
            return Pattern.quote(path);
        }
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < parts.size(); i++) {
            if (i % 2 == 0) {
                regex.append(parts.get(i).isEmpty() ? "" : Pattern.quote(parts.get(i)));
            } else {
                regex.append("(?<").append(TemplateNames.groupName(parts.get(i))).append(">[^/]+)");
            }
        }
        return regex.toString();
    }

    private static String trimSlashes(String path) {
        int start = 0;
        int end = path.length();
        while (start < end && path.charAt(start) == '/') {
            start++;
        }
        while (end > start && path.charAt(end - 1) == '/') {
            end--;
        }
        return path.substring(start, end);
    }

    private static ObjectNode ruleJson(RuleDraft rule) {
        ObjectNode json = JSON.objectNode().put("name", rule.name);
        json.putArray("when").addAll(rule.conditions);
        if (rule.backendId != null) {
            json.put("backendId", rule.backendId);
        }
        if (!rule.actions.isEmpty()) {
            json.putArray("actions").addAll(rule.actions);
        }
        return json;
    }
}
