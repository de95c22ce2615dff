package dev.switchboard.config;

import java.util.regex.Pattern;

import dev.switchboard.policy.expr.PolicyExpression;

/**
 * One test on the request: either a source with exactly one of {@code equals}, {@code prefix}, {@code regex} and
 * {@code exists}, or an APIM policy {@code expression} (then everything else is null).
 *
 * @param source where the value comes from
 * @param name   header or query parameter name; null for {@link Source#path}
 * @param equals the value must equal this
 * @param prefix the value must start with this
 * @param regex  the value must match this (whole value)
 * @param exists true: the header/parameter must be present; false: absent
 * @param expression an APIM expression that must evaluate to true, such as {@code context.Deployment.Region == "westeurope"}
 */
public record RouteCondition(Source source, String name, String equals, String prefix, Pattern regex, Boolean exists,
        PolicyExpression expression) {

    /** A test of a header, query parameter or the path. */
    public RouteCondition(Source source, String name, String equals, String prefix, Pattern regex, Boolean exists) {
        this(source, name, equals, prefix, regex, exists, null);
    }

    /** An expression condition. */
    public static RouteCondition of(PolicyExpression expression) {
        return new RouteCondition(null, null, null, null, null, null, expression);
    }

    public enum Source {
        header,
        query,
        path
    }
}
