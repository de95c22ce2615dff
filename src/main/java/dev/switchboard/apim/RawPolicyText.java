package dev.switchboard.apim;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Turns policy text as APIM stores it ("rawxml": expressions may hold unescaped {@code "}, {@code <} and {@code &&})
 * into well-formed XML, replacing {@code {{named values}}} on the way, and remembers for every output character the
 * input offset it came from, so positions found in the XML point into the original text.
 */
final class RawPolicyText {

    /** A {@code {{name}}} with no value; {@code offset} is where it starts in the original text. */
    record Missing(String name, int offset) {
    }

    private final String in;
    private final Map<String, String> namedValues;
    private final StringBuilder out = new StringBuilder();
    private final List<Integer> origin = new ArrayList<>();
    private final List<Missing> missing = new ArrayList<>();
    private int pos;
    private int unclosed = -1;

    private RawPolicyText(String in, Map<String, String> namedValues) {
        this.in = in;
        this.namedValues = namedValues;
    }

    /**
     * The escaped XML, per-character origins, the named values that had no value, and where the first expression that
     * is never closed opens (-1 when none is).
     */
    record Result(String xml, int[] origin, List<Missing> missing, int unclosed) {
        /** The original offset of output offset {@code at}. */
        int originOf(int at) {
            return origin.length == 0 ? 0 : origin[Math.max(0, Math.min(at, origin.length - 1))];
        }
    }

    static Result normalize(String raw, Map<String, String> namedValues) {
        RawPolicyText text = new RawPolicyText(raw, namedValues);
        text.scan();
        int[] origin = text.origin.stream().mapToInt(Integer::intValue).toArray();
        return new Result(text.out.toString(), origin, List.copyOf(text.missing), text.unclosed);
    }

    private void scan() {
        while (pos < in.length()) {
            if (in.startsWith("<!--", pos)) {
                copyThrough("-->");
            } else if (in.startsWith("<![CDATA[", pos)) {
                copyThrough("]]>");
            } else if (in.startsWith("<?", pos)) {
                copyThrough("?>");
            } else if (in.charAt(pos) == '<') {
                tag();
            } else if (isExpressionStart()) {
                expression(false);
            } else {
                copyChar(false);
            }
        }
    }

    /** A start or end tag: attribute values may be expressions with unescaped quotes. */
    private void tag() {
        emit('<', pos++);
        while (pos < in.length() && in.charAt(pos) != '>') {
            char c = in.charAt(pos);
            if (c == '"' || c == '\'') {
                emit(c, pos++);
                if (isExpressionStart()) {
                    expression(true);
                }
                while (pos < in.length() && in.charAt(pos) != c) {
                    copyChar(true);
                }
                if (pos < in.length()) {
                    emit(c, pos++);
                }
            } else {
                emit(c, pos++);
            }
        }
        if (pos < in.length()) {
            emit('>', pos++);
        }
    }

    private boolean isExpressionStart() {
        return in.startsWith("@(", pos) || in.startsWith("@{", pos);
    }

    /** Copies a balanced @(...) or @{...}, escaping what XML does not allow there; C# string literals are skipped whole. */
    private void expression(boolean inAttribute) {
        char open = in.charAt(pos + 1);
        char close = open == '(' ? ')' : '}';
        int start = pos;
        emit('@', pos++);
        int depth = 0;
        while (pos < in.length()) {
            char c = in.charAt(pos);
            if (c == '"' || c == '\'') {
                csharpLiteral(c, inAttribute);
                continue;
            }
            if (c == open) {
                depth++;
            } else if (c == close) {
                depth--;
            }
            copyChar(inAttribute);
            if (depth == 0) {
                return;
            }
        }
        // It swallowed the rest of the policy, so the XML error would point at the end of the text instead.
        unclosed = unclosed < 0 ? start : unclosed;
    }

    private void csharpLiteral(char quote, boolean inAttribute) {
        copyChar(inAttribute);
        while (pos < in.length() && in.charAt(pos) != quote) {
            if (in.charAt(pos) == '\\' && pos + 1 < in.length()) {
                copyChar(inAttribute);
            }
            copyChar(inAttribute);
        }
        if (pos < in.length()) {
            copyChar(inAttribute);
        }
    }

    /** One input character, escaped for where it is, or a whole {@code {{named value}}}. */
    private void copyChar(boolean inAttribute) {
        int at = pos;
        if (in.startsWith("{{", pos)) {
            int end = in.indexOf("}}", pos + 2);
            if (end > 0) {
                String name = in.substring(pos + 2, end).strip();
                String value = namedValues.get(name);
                pos = end + 2;
                if (value == null) {
                    missing.add(new Missing(name, at));
                    value = "{{" + name + "}}";
                }
                for (int i = 0; i < value.length(); i++) {
                    escaped(value.charAt(i), at, inAttribute);
                }
                return;
            }
        }
        pos++;
        escaped(in.charAt(at), at, inAttribute);
    }

    /** Escapes only characters that would break the XML; '&' that starts an entity reference is kept. */
    private void escaped(char c, int at, boolean inAttribute) {
        switch (c) {
            case '<' -> emit("&lt;", at);
            case '"' -> emit(inAttribute ? "&quot;" : "\"", at);
            case '&' -> emit(startsEntity(at) ? "&" : "&amp;", at);
            default -> emit(c, at);
        }
    }

    private boolean startsEntity(int at) {
        int semicolon = in.indexOf(';', at);
        if (semicolon < 0 || semicolon - at > 8) {
            return false;
        }
        String name = in.substring(at + 1, semicolon);
        return List.of("lt", "gt", "amp", "quot", "apos").contains(name) || name.startsWith("#");
    }

    private void copyThrough(String end) {
        int stop = in.indexOf(end, pos);
        int until = stop < 0 ? in.length() : stop + end.length();
        while (pos < until) {
            emit(in.charAt(pos), pos++);
        }
    }

    private void emit(char c, int at) {
        out.append(c);
        origin.add(at);
    }

    private void emit(String s, int at) {
        for (int i = 0; i < s.length(); i++) {
            emit(s.charAt(i), at);
        }
    }
}
