package dev.switchboard.config;

/**
 * One thing wrong with a config file.
 *
 * @param path    where in the document, e.g. {@code backends.primary.circuitBreaker.rules[0].tripDuration}; {@code $}
 *                for the document itself
 * @param line    1-based line of the offending value (of the field name for unknown fields, of the enclosing object
 *                for missing fields)
 * @param column  1-based column on that line
 * @param message what is wrong, in words an operator understands
 */
public record ConfigProblem(String path, int line, int column, String message) {

    /** Path of the document as a whole, used for syntax errors. */
    public static final String ROOT = "$";

    @Override
    public String toString() {
        return path + " (line " + line + ", col " + column + "): " + message;
    }
}
