package dev.switchboard.apim;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.policy.expr.ExprSyntaxException;
import dev.switchboard.policy.expr.PolicyExpression;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Translates inbound statements into a backend, request actions and route rules (from {@code choose}), reporting
 * every statement: translated (and to what), shown but not enforced, or not translated with a hint.
 */
final class InboundTranslator {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    /** Shown in the report, not enforced: the import still succeeds. */
    private static final Set<String> SHOWN_NOT_ENFORCED = Set.of("rate-limit", "rate-limit-by-key", "quota", "quota-by-key",
            "log-to-eventhub", "emit-metric", "trace", "llm-emit-token-metric", "azure-openai-emit-token-metric");

    static final Map<String, String> HINTS = Map.of(
            "send-request", "use a pool with priorities and a retry policy: the retry goes to another member",
            "cache-lookup-value", "breakers and healthProbe track backend health natively",
            "cache-store-value", "breakers and healthProbe track backend health natively",
            "set-variable", "use a pool (round-robin or weighted) to spread requests over backends");

    /** What a list of statements amounts to. */
    static final class Scope {
        String backendId;
        final List<ObjectNode> actions = new ArrayList<>();
        final List<RuleDraft> rules = new ArrayList<>();
        boolean sawChoose;
    }

    private final ImportReport report;
    private final ImplicitBackends implicit;
    private final Set<String> knownBackends;

    InboundTranslator(ImportReport report, ImplicitBackends implicit, Set<String> knownBackends) {
        this.report = report;
        this.implicit = implicit;
        this.knownBackends = knownBackends;
    }

    /**
     * @param target     config path of the api, such as {@code apis[orders]}, for the report
     * @param rulePrefix prefix of rule names made from choose/when
     * @param conditions conditions every rule made here starts with (an operation's method and path); may be empty
     */
    Scope translate(List<PolicyNode> statements, String target, String rulePrefix, List<ObjectNode> conditions) {
        Scope scope = new Scope();
        for (PolicyNode statement : statements) {
            if (statement.name().equals("choose")) {
                if (scope.sawChoose) {
                    report.unsupported(statement.source(), "choose", "a second choose in one scope: rules take the first match, "
                            + "so two independent choices cannot both apply", "combine both into one choose");
                    continue;
                }
                scope.sawChoose = true;
                choose(statement, scope, target, rulePrefix, conditions);
            } else if (scope.rules.stream().anyMatch(r -> !r.actions.isEmpty()) && isAction(statement)) {
                report.approximated(statement.source(), statement.name(), "runs before the choose's actions (api actions run first)",
                        target + ".actions");
                statement(statement, scope, target, target + ".actions");
            } else if (statement.name().equals("set-backend-service")) {
                if (backend(statement, scope, target)) {
                    overrideChosenBackends(statement, scope, target);
                }
            } else {
                statement(statement, scope, target, target + ".actions");
            }
        }
        return scope;
    }

    /**
     * In APIM the last set-backend-service that runs decides: one after a choose overrides the backends its
     * branches chose, so those rules keep only their actions (a rule left with nothing to do goes).
     */
    private void overrideChosenBackends(PolicyNode statement, Scope scope, String target) {
        List<String> overridden = new ArrayList<>();
        for (RuleDraft rule : scope.rules) {
            if (rule.backendId != null) {
                rule.backendId = null;
                overridden.add(rule.name);
            }
        }
        scope.rules.removeIf(rule -> !rule.doesSomething());
        if (!overridden.isEmpty()) {
            report.translated(statement.source(), "set-backend-service", target + ".backendId",
                    "runs after the choose, so it overrides the backend of " + String.join(", ", overridden));
        }
    }

    private static boolean isAction(PolicyNode node) {
        return List.of("set-header", "set-query-parameter", "rewrite-uri").contains(node.name());
    }

    private void choose(PolicyNode choose, Scope scope, String target, String rulePrefix, List<ObjectNode> conditions) {
        int n = 0;
        for (PolicyNode branch : choose.children()) {
            boolean otherwise = branch.name().equals("otherwise");
            if (!otherwise && !branch.name().equals("when")) {
                report.unsupported(branch.source(), branch.name(), "not a when or otherwise of choose", null);
                continue;
            }
            String name = rulePrefix + (otherwise ? "otherwise" : "when-" + ++n);
            RuleDraft rule = new RuleDraft(name, branch.source());
            rule.conditions.addAll(conditions);
            String ruleTarget = target + ".rules[" + name + "]";
            if (otherwise) {
                rule.conditions.add(JSON.objectNode().put("expression", "true"));
            } else {
                ObjectNode condition = condition(branch);
                if (condition == null) {
                    continue;
                }
                rule.conditions.add(condition);
            }
            Scope inner = new Scope();
            for (PolicyNode statement : branch.children()) {
                if (statement.name().equals("choose")) {
                    report.unsupported(statement.source(), "choose", "a choose inside a when is not translated", "flatten it into one choose");
                } else {
                    statement(statement, inner, ruleTarget, ruleTarget);
                }
            }
            rule.backendId = inner.backendId;
            rule.actions.addAll(inner.actions);
            if (otherwise && inner.actions.isEmpty() && conditions.isEmpty()) {
                // An otherwise that only picks a backend is the api's default.
                scope.backendId = inner.backendId;
            } else if (rule.doesSomething()) {
                scope.rules.add(rule);
                report.translated(branch.source(), branch.name(), ruleTarget);
            }
        }
    }

    private ObjectNode condition(PolicyNode when) {
        String text = when.attribute("condition");
        String inner = PolicyValues.singleExpression(text);
        if (inner == null) {
            report.unsupported(when.source(), "when", text != null && text.startsWith("@{")
                    ? "a multi-statement @{...} condition is not translated" : "condition is not a single @(...) expression: " + text,
                    "rewrite it as one @(...) expression");
            return null;
        }
        try {
            PolicyExpression.parse(inner, PolicyExpression.REQUEST_SCOPES);
            return JSON.objectNode().put("expression", inner);
        } catch (ExprSyntaxException e) {
            report.unsupported(when.source(), "when", "condition " + text + ": " + e.getMessage() + " (at character " + (e.offset() + 1) + ")", null);
            return null;
        }
    }

    private void statement(PolicyNode node, Scope scope, String ownerTarget, String actionTarget) {
        switch (node.name()) {
            case "set-backend-service" -> backend(node, scope, ownerTarget);
            case "rewrite-uri", "set-header", "set-query-parameter", "return-response", "mock-response" -> {
                ObjectNode action = ActionTranslator.translate(node, report);
                if (action != null) {
                    scope.actions.add(action);
                    String at = actionTarget + (actionTarget.endsWith("]") ? ".actions" : "") + "[" + (scope.actions.size() - 1) + "]";
                    if (node.name().equals("mock-response")) {
                        report.approximated(node.source(), node.name(), "answers with the status and Content-Type and an empty body "
                                + "(APIM would use the operation's sample)", at);
                    } else {
                        report.translated(node.source(), node.name(), at);
                    }
                }
            }
            case "base" -> report.translated(node.source(), "base", "the parent scope's statements at this spot");
            case "forward-request", "retry" -> report.unsupported(node.source(), node.name(), "belongs in the backend section", null);
            default -> other(node);
        }
    }

    /** Sets the scope's backend; false when the statement could not be translated (reported). */
    private boolean backend(PolicyNode node, Scope scope, String target) {
        String id = node.attribute("backend-id");
        String url = node.attribute("base-url");
        String value = id != null ? id : url;
        if (value == null) {
            report.unsupported(node.source(), "set-backend-service", "needs backend-id or base-url", null);
            return false;
        }
        if (id != null && url != null) {
            // Taking backend-id and ignoring base-url would guess which of the two the author meant.
            report.unsupported(node.source(), "set-backend-service", "has both backend-id and base-url; give one", null);
            return false;
        }
        if (value.startsWith("@")) {
            report.unsupported(node.source(), "set-backend-service", "the backend is chosen by an expression: " + value,
                    value.contains("Variables") ? "use a pool (round-robin or weighted)" : "use route rules with conditions");
            return false;
        }
        if (id != null && !knownBackends.contains(id)) {
            report.unsupported(node.source(), "set-backend-service", "no backend \"" + id + "\" in the input", null);
            return false;
        }
        scope.backendId = id != null ? id : implicit.idFor(url, node.source());
        report.translated(node.source(), "set-backend-service", target + ".backendId", id != null ? null
                : "implicit backend " + scope.backendId + " for " + url);
        return true;
    }

    private void other(PolicyNode node) {
        String name = node.name();
        if (SHOWN_NOT_ENFORCED.contains(name)) {
            report.warning(node.source(), name, "shown, not enforced: the gateway does not apply it");
            return;
        }
        String value = node.attribute("value");
        if (name.equals("set-variable") && value != null && value.startsWith("@{")) {
            boolean picks = value.contains("Random") || value.contains("GetHashCode");
            report.unsupported(node.source(), name, "a multi-statement @{...} block is not translated",
                    picks ? "use a pool (round-robin or weighted)" : null);
            return;
        }
        if (name.startsWith("cache-")) {
            report.unsupported(node.source(), name, "caching is not supported", HINTS.getOrDefault(name, null));
            return;
        }
        report.unsupported(node.source(), name, "not supported", HINTS.get(name));
    }

    static ArrayNode array(List<String> values) {
        ArrayNode array = JSON.arrayNode();
        values.forEach(array::add);
        return array;
    }
}
