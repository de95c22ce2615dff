package dev.switchboard.config.binding;

import dev.switchboard.config.RequestAction;
import dev.switchboard.config.RouteCondition;
import dev.switchboard.config.RouteRule;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/** One routing rule; its conditions must be able to hold together, or the rule could never match. */
final class RouteRuleBinder implements Binder<RouteRule> {

    @Override
    public List<String> fields() {
        return List.of("name", "when", "backendId", "actions");
    }

    @Override
    public RouteRule bind(FieldReader in) {
        String name = in.requiredString("name");
        List<RouteCondition> when = in.requiredObjects("when", new RouteConditionBinder());
        checkContradictions(in, when);
        List<RequestAction> actions = RequestActionBinder.bindAll(in, "actions");
        if (!in.has("backendId") && actions.isEmpty() && !in.has("actions")) {
            in.problem("backendId", "missing required field \"backendId\": a rule without actions must pick a backend");
        }
        checkTemplateNames(in, when, actions);
        return new RouteRule(name, when, in.string("backendId"), actions);
    }

    /** A rewrite-uri placeholder must be a named group of one of the rule's path regexes, or it has no value. */
    private static void checkTemplateNames(FieldReader in, List<RouteCondition> when, List<RequestAction> actions) {
        for (RequestAction action : actions) {
            if (action instanceof RequestAction.RewriteUri rewrite) {
                for (String name : rewrite.names()) {
                    boolean named = when.stream().anyMatch(c -> c.source() == RouteCondition.Source.path && c.regex() != null
                            && c.regex().namedGroups().containsKey(name));
                    if (!named) {
                        in.context().add(in.context().sources().problem(rewrite, "template", "placeholder {" + name
                                + "} is not a named group (?<" + name + ">...) of a path regex of this rule"));
                    }
                }
            }
        }
    }

    /** Two different {@code equals} on one value, or {@code exists: false} beside any other test of it. */
    private static void checkContradictions(FieldReader in, List<RouteCondition> when) {
        Map<String, List<RouteCondition>> earlierBySubject = new HashMap<>();
        for (RouteCondition condition : when) {
            List<RouteCondition> earlier = earlierBySubject.computeIfAbsent(subject(condition), k -> new ArrayList<>());
            earlier.stream().map(e -> contradiction(e, condition)).filter(Objects::nonNull).findFirst()
                    .ifPresent(problem -> in.context().add(in.context().sources().problem(condition,
                            Boolean.FALSE.equals(condition.exists()) ? "exists" : operator(condition), problem)));
            earlier.add(condition);
        }
    }

    private static String contradiction(RouteCondition earlier, RouteCondition later) {
        String what = later.source() + (later.name() == null ? "" : " \"" + later.name() + "\"");
        if (earlier.equals() != null && later.equals() != null && !earlier.equals().equals(later.equals())) {
            return "contradicts an earlier condition: " + what + " cannot equal both \"" + earlier.equals()
                    + "\" and \"" + later.equals() + "\"";
        }
        if (Boolean.FALSE.equals(earlier.exists()) != Boolean.FALSE.equals(later.exists())) {
            return "contradicts an earlier condition: " + what + " cannot be absent and tested at the same time";
        }
        return null;
    }

    /** Header names are case-insensitive; query parameter names and the path are not. */
    private static String subject(RouteCondition condition) {
        if (condition.expression() != null || condition.source() == null) {
            return "expression:" + System.identityHashCode(condition);
        }
        String name = Objects.requireNonNullElse(condition.name(), "");
        return condition.source() + ":" + (condition.source() == RouteCondition.Source.header
                ? name.toLowerCase(Locale.ROOT) : name);
    }

    private static String operator(RouteCondition condition) {
        if (condition.equals() != null) {
            return "equals";
        }
        if (condition.prefix() != null) {
            return "prefix";
        }
        return condition.regex() != null ? "regex" : "exists";
    }
}
