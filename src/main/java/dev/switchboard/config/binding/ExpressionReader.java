package dev.switchboard.config.binding;

import dev.switchboard.config.json.JsonTree;
import dev.switchboard.config.json.Location;
import dev.switchboard.policy.expr.ExprSyntaxException;
import dev.switchboard.policy.expr.PolicyExpression;
import java.util.Set;

/** Reads a field holding an APIM policy expression, reporting a syntax problem at the character it is about. */
final class ExpressionReader {

    private ExpressionReader() {
    }

    /** The parsed expression, or null when absent or invalid (then reported). */
    static PolicyExpression read(FieldReader in, String field, Set<String> scopes) {
        String text = in.string(field);
        if (text == null) {
            return null;
        }
        try {
            return PolicyExpression.parse(text, scopes);
        } catch (ExprSyntaxException e) {
            JsonTree value = in.value(field);
            // +1 for the opening quote; exact unless the string has escapes before the offset.
            Location at = new Location(value.location().line(), value.location().column() + 1 + e.offset());
            in.context().problem(in.fieldPath(field), at, "invalid expression: " + e.getMessage());
            return null;
        }
    }
}
