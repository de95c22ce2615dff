package dev.switchboard.apim;

/** Reading policy attribute and element values: plain text, a single {@code @(...)} expression, or a {@code @{...}} block. */
final class PolicyValues {

    private PolicyValues() {
    }

    /** The text inside {@code @( )}, when {@code value} is exactly one such expression; null otherwise. */
    static String singleExpression(String value) {
        if (value == null) {
            return null;
        }
        String text = value.strip();
        return text.startsWith("@(") && text.endsWith(")") ? text.substring(2, text.length() - 1) : null;
    }

    /** True for {@code @(...)} and {@code @{...}}: the value is computed per request. */
    static boolean isExpression(String value) {
        return value != null && (value.strip().startsWith("@(") || value.strip().startsWith("@{"));
    }

    /** True when a boolean attribute is absent or spelled as APIM accepts it; anything else must be reported, not read as a default. */
    static boolean isBooleanOrAbsent(String value) {
        return value == null || value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false");
    }
}
