package dev.switchboard.config.binding;

import dev.switchboard.config.RouteCondition;
import dev.switchboard.config.RouteCondition.Source;
import dev.switchboard.policy.expr.PolicyExpression;
import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** One entry of a rule's {@code when}: a source, a name for headers and query parameters, and one operator. */
final class RouteConditionBinder implements Binder<RouteCondition> {

    static final List<String> OPERATORS = List.of("equals", "prefix", "regex", "exists");

    @Override
    public List<String> fields() {
        return List.of("source", "name", "equals", "prefix", "regex", "exists", "expression");
    }

    @Override
    public RouteCondition bind(FieldReader in) {
        if (in.has("expression")) {
            List<String> others = fields().stream().filter(f -> !f.equals("expression") && in.has(f)).toList();
            if (!others.isEmpty()) {
                in.problem("an expression condition stands alone; remove " + String.join(", ", others));
            }
            return RouteCondition.of(ExpressionReader.read(in, "expression", PolicyExpression.REQUEST_SCOPES));
        }
        Source source = in.requiredChoice("source", List.of(Source.values()), Source::name);
        String name = in.string("name");
        if (source != null && source != Source.path && !in.has("name")) {
            in.problem("name", "missing required field \"name\": a " + source + " condition needs the "
                    + source + " name");
        }
        List<String> operators = OPERATORS.stream().filter(in::has).toList();
        if (operators.size() != 1) {
            in.problem("needs exactly one of \"equals\", \"prefix\", \"regex\", \"exists\""
                    + (operators.isEmpty() ? "" : ", found " + String.join(", ", operators)));
        }
        return new RouteCondition(source, name, in.string("equals"), in.string("prefix"), regex(in), in.bool("exists"));
    }

    private static Pattern regex(FieldReader in) {
        String text = in.string("regex");
        if (text == null) {
            return null;
        }
        try {
            return Pattern.compile(text);
        } catch (PatternSyntaxException e) {
            in.problem("regex", "\"" + text + "\" is not a valid regex: " + e.getDescription());
            return null;
        }
    }
}
