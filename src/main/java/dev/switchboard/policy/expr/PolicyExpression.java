package dev.switchboard.policy.expr;

import java.util.Set;

/**
 * A checked expression: its text as written (config files keep it) and its AST (the gateway evaluates it).
 *
 * @param text the expression without {@code @( )}
 * @param ast  the parsed form
 */
public record PolicyExpression(String text, Expr ast) {

    /** Where a route condition runs: the request, the gateway's region and variables; there is no response yet. */
    public static final Set<String> REQUEST_SCOPES = Set.of("context.Request", "context.Deployment", "context.Variables");

    /** Where a retry condition runs: after an attempt, with its response (or null when none came). */
    public static final Set<String> RETRY_SCOPES = Set.of("context.Response");

    /** Parses and checks {@code text} for the given scopes. */
    public static PolicyExpression parse(String text, Set<String> scopes) throws ExprSyntaxException {
        Expr ast = ExprParser.parse(text);
        ExprChecker.check(ast, scopes);
        return new PolicyExpression(text, ast);
    }

    public boolean test(EvalContext context) {
        return ExprEvaluator.test(ast, context);
    }

    @Override
    public String toString() {
        return text;
    }
}
