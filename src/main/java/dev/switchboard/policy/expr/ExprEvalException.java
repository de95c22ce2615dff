package dev.switchboard.policy.expr;

/** Evaluation failed as it would in APIM (a member of null, a type mismatch); a condition then does not hold. */
public final class ExprEvalException extends Exception {

    public ExprEvalException(String message) {
        super(message, null, false, false);
    }
}
