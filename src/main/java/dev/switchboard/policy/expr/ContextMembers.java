package dev.switchboard.policy.expr;

import java.util.Map;
import java.util.Set;

/** The members of APIM's {@code context} that we model, one table for the checker and the evaluator. */
final class ContextMembers {

    enum Kind { OBJECT, VALUE, COLLECTION }

    static final String ROOT = "context";

    static final Map<String, Kind> MEMBERS = Map.ofEntries(
            Map.entry("context", Kind.OBJECT),
            Map.entry("context.Request", Kind.OBJECT),
            Map.entry("context.Request.Url", Kind.OBJECT),
            Map.entry("context.Request.Url.Path", Kind.VALUE),
            Map.entry("context.Request.Url.QueryString", Kind.VALUE),
            Map.entry("context.Request.Url.Query", Kind.COLLECTION),
            Map.entry("context.Request.Headers", Kind.COLLECTION),
            Map.entry("context.Request.Method", Kind.VALUE),
            Map.entry("context.Request.IpAddress", Kind.VALUE),
            Map.entry("context.Response", Kind.OBJECT),
            Map.entry("context.Response.StatusCode", Kind.VALUE),
            Map.entry("context.Deployment", Kind.OBJECT),
            Map.entry("context.Deployment.Region", Kind.VALUE),
            Map.entry("context.Variables", Kind.COLLECTION));

    /** Methods of the collections (headers, query parameters, variables). */
    static final Set<String> COLLECTION_METHODS = Set.of("GetValueOrDefault", "ContainsKey");

    /** Methods of strings. */
    static final Set<String> STRING_METHODS = Set.of("StartsWith", "EndsWith", "Contains", "ToLower", "ToUpper",
            "ToLowerInvariant", "ToUpperInvariant", "Equals", "Trim");

    /** {@code StringComparison.X} values accepted as the second argument of Equals/StartsWith/EndsWith. */
    static final Set<String> IGNORE_CASE = Set.of("OrdinalIgnoreCase", "InvariantCultureIgnoreCase", "CurrentCultureIgnoreCase");
    static final Set<String> CASE_SENSITIVE = Set.of("Ordinal", "InvariantCulture", "CurrentCulture");

    private ContextMembers() {
    }

    /** "context.Request.Url" for that member chain; null when {@code expr} is not a chain of members from context. */
    static String path(Expr expr) {
        return switch (expr) {
            case Expr.Name name -> name.name().equals(ROOT) ? ROOT : null;
            case Expr.Member member -> {
                String target = path(member.target());
                yield target == null ? null : target + "." + member.name();
            }
            default -> null;
        };
    }

    /** "context.Request" for "context.Request.Url.Path": the part a check by scope looks at. */
    static String scope(String path) {
        int first = path.indexOf('.');
        if (first < 0) {
            return path;
        }
        int second = path.indexOf('.', first + 1);
        return second < 0 ? path : path.substring(0, second);
    }
}
