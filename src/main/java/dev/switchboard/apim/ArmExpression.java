package dev.switchboard.apim;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Evaluates the ARM template expressions found in resource names and properties ({@code [concat(...)]}) to strings:
 * {@code concat}, {@code parameters} (the default value, or {@code {name}} without one), {@code variables},
 * {@code resourceId}, {@code format}, {@code toLower}/{@code toUpper}. Anything else is reported, never guessed.
 */
final class ArmExpression {

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
        JsonNode defaultValue = template.path("parameters").path(name).path("defaultValue");
        return defaultValue.isTextual() ? evaluate(defaultValue.asText(), template) : "{" + name + "}";
    }

    private String variable(String name) throws ImportException {
        JsonNode value = template.path("variables").path(name);
        if (!value.isTextual()) {
            throw new ImportException("variable '" + name + "' is not a string in the template");
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
