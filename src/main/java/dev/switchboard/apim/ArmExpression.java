package dev.switchboard.apim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Evaluates the ARM template expressions found in resource names and properties ({@code [concat(...)]}) to strings:
 * {@code concat}, {@code parameters} (the default value, or {@code {name}} without one), {@code variables},
 * {@code resourceId}, {@code format}, {@code toLower}/{@code toUpper}. Anything else is reported, never guessed.
 */
final class ArmExpression {

    private static final Pattern WHOLE_REFERENCE =
            Pattern.compile("\\[\\s*(parameters|variables)\\s*\\(\\s*'([^']*)'\\s*\\)\\s*]", Pattern.CASE_INSENSITIVE);

    private final String text;
    private final JsonNode template;
    private int pos;

    private ArmExpression(String text, JsonNode template) {
        this.text = text;
        this.template = template;
    }

    /** A JSON string value: an expression when it is {@code [...]} (and not {@code [[}, ARM's escape), else itself. */
    static String evaluate(String value, JsonNode template) throws ImportException {
        if (!value.startsWith("[") || value.startsWith("[[") || !value.endsWith("]")) {
            return value.startsWith("[[") ? value.substring(1) : value;
        }
        ArmExpression expression = new ArmExpression(value.substring(1, value.length() - 1), template);
        String result = expression.value();
        expression.skipSpace();
        if (expression.pos != expression.text.length()) {
            throw new ImportException("unexpected text in ARM expression " + value + " at character " + (expression.pos + 2));
        }
        return result;
    }

    /**
     * A JSON value: as {@link #evaluate}, except that an expression that is only {@code parameters('x')} or
     * {@code variables('x')} keeps the type of a number or boolean it names. Templates parameterise a pool member's
     * {@code weight} or a backend's {@code acceptRetryAfter} this way; as text they failed to import.
     */
    static JsonNode evaluateValue(String value, JsonNode template) throws ImportException {
        Matcher reference = WHOLE_REFERENCE.matcher(value);
        if (reference.matches()) {
            JsonNode named = reference.group(1).equalsIgnoreCase("parameters")
                    ? template.path("parameters").path(reference.group(2)).path("defaultValue")
                    : template.path("variables").path(reference.group(2));
            if (named.isNumber() || named.isBoolean()) {
                return named;
            }
        }
        return TextNode.valueOf(evaluate(value, template));
    }

    private String value() throws ImportException {
        skipSpace();
        if (pos < text.length() && text.charAt(pos) == '\'') {
            return literal();
        }
        int start = pos;
        while (pos < text.length() && Character.isLetterOrDigit(text.charAt(pos))) {
            pos++;
        }
        if (start == pos) {
            throw new ImportException("expected a function or 'string' in ARM expression [" + text + "]");
        }
        String function = text.substring(start, pos);
        List<String> args = arguments();
        skipSpace();
        if (pos < text.length() && (text.charAt(pos) == '.' || text.charAt(pos) == '[')) {
            throw new ImportException("ARM property access after " + function + "(...) is not supported");
        }
        return call(function, args);
    }

    private String call(String function, List<String> args) throws ImportException {
        if (args.isEmpty()) {
            throw new ImportException("ARM function " + function + "() needs arguments");
        }
        return switch (function.toLowerCase(Locale.ROOT)) {
            case "concat" -> String.join("", args);
            case "parameters" -> parameter(args.getFirst());
            case "variables" -> variable(args.getFirst());
            case "resourceid" -> resourceId(args);
            case "format" -> format(args);
            case "tolower" -> args.getFirst().toLowerCase(Locale.ROOT);
            case "toupper" -> args.getFirst().toUpperCase(Locale.ROOT);
            default -> throw new ImportException("ARM function " + function + "() is not supported");
        };
    }

    private String parameter(String name) throws ImportException {
        // A parameter the template does not declare is a typo, not the service name: it must not become "{name}".
        String declared = template.path("parameters").propertyStream().map(Map.Entry::getKey)
                .filter(name::equalsIgnoreCase).findFirst()
                .orElseThrow(() -> new ImportException("parameter '" + name + "' is not declared in the template's parameters"));
        JsonNode defaultValue = template.path("parameters").path(declared).path("defaultValue");
        if (defaultValue.isNumber() || defaultValue.isBoolean()) {
            return defaultValue.asText();
        }
        return defaultValue.isTextual() ? evaluate(defaultValue.asText(), template) : "{" + name + "}";
    }

    private String variable(String name) throws ImportException {
        JsonNode value = template.path("variables").path(name);
        if (value.isNumber() || value.isBoolean()) {
            return value.asText();
        }
        if (!value.isTextual()) {
            throw new ImportException("variable '" + name + "' is not a string, number or boolean in the template");
        }
        return evaluate(value.asText(), template);
    }

    /** {@code resourceId('Microsoft.ApiManagement/service/backends', 'svc', 'b')} → {@code /providers/.../service/svc/backends/b}. */
    private static String resourceId(List<String> args) throws ImportException {
        int typeIndex = -1;
        for (int i = 0; i < args.size(); i++) {
            if (args.get(i).contains("/") && args.get(i).contains(".")) {
                typeIndex = i;
                break;
            }
        }
        if (typeIndex < 0) {
            throw new ImportException("resourceId() without a resource type");
        }
        String[] type = args.get(typeIndex).split("/");
        List<String> names = args.subList(typeIndex + 1, args.size());
        if (names.size() != type.length - 1) {
            throw new ImportException("resourceId('" + args.get(typeIndex) + "') needs " + (type.length - 1) + " names");
        }
        StringBuilder id = new StringBuilder("/providers/").append(type[0]);
        for (int i = 1; i < type.length; i++) {
            id.append('/').append(type[i]).append('/').append(names.get(i - 1));
        }
        return id.toString();
    }

    private static String format(List<String> args) {
        String result = args.getFirst();
        for (int i = 1; i < args.size(); i++) {
            result = result.replace("{" + (i - 1) + "}", args.get(i));
        }
        return result;
    }

    private List<String> arguments() throws ImportException {
        skipSpace();
        expect('(');
        List<String> args = new ArrayList<>();
        skipSpace();
        if (pos < text.length() && text.charAt(pos) == ')') {
            pos++;
            return args;
        }
        while (true) {
            args.add(value());
            skipSpace();
            if (pos < text.length() && text.charAt(pos) == ',') {
                pos++;
                continue;
            }
            expect(')');
            return args;
        }
    }

    /** {@code 'text'} with {@code ''} for a quote. */
    private String literal() throws ImportException {
        StringBuilder out = new StringBuilder();
        pos++;
        while (pos < text.length()) {
            char c = text.charAt(pos++);
            if (c != '\'') {
                out.append(c);
            } else if (pos < text.length() && text.charAt(pos) == '\'') {
                out.append('\'');
                pos++;
            } else {
                return out.toString();
            }
        }
        throw new ImportException("unterminated string in ARM expression [" + text + "]");
    }

    private void expect(char c) throws ImportException {
        if (pos >= text.length() || text.charAt(pos) != c) {
            throw new ImportException("expected '" + c + "' in ARM expression [" + text + "] at character " + (pos + 2));
        }
        pos++;
    }

    private void skipSpace() {
        while (pos < text.length() && text.charAt(pos) == ' ') {
            pos++;
        }
    }
}
