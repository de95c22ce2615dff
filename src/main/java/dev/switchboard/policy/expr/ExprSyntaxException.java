package dev.switchboard.policy.expr;

/** An expression that does not parse, or reads something we do not model; {@link #offset} is where, 0-based. */
public final class ExprSyntaxException extends Exception {

    private final int offset;

    public ExprSyntaxException(String message, int offset) {
        super(message);
        this.offset = offset;
    }

    public int offset() {
        return offset;
    }
}
