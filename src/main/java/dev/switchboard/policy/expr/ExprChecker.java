package dev.switchboard.policy.expr;

import dev.switchboard.policy.expr.ContextMembers.Kind;
import java.util.Set;

/**
 * Rejects, before anything runs, what the evaluator could never answer: unknown members of {@code context},
 * members outside the allowed scopes (a retry condition cannot read the request), unknown methods and names.
 */
final class ExprChecker {

    private final Set<String> scopes;

    private ExprChecker(Set<String> scopes) {
        this.scopes = scopes;
    }

    /** @param scopes allowed parts of context, such as "context.Request" and "context.Response" */
    static void check(Expr expr, Set<String> scopes) throws ExprSyntaxException {
        new ExprChecker(scopes).visit(expr);
    }

    private void visit(Expr expr) throws ExprSyntaxException {
        switch (expr) {
            case Expr.Literal literal -> {
            }
            case Expr.Name name -> {
                if (!name.name().equals(ContextMembers.ROOT)) {
                    throw new ExprSyntaxException("unknown name \"" + name.name() + "\"; expressions read \"context\"", name.at());
                }
            }
            case Expr.Member member -> member(member);
            case Expr.Call call -> call(call);
            case Expr.Index index -> {
                String target = ContextMembers.path(index.target());
                if (!"context.Variables".equals(target)) {
                    throw new ExprSyntaxException("indexing is supported on context.Variables only"
                            + (target != null ? "; use " + target + ".GetValueOrDefault(name, default)" : ""), index.at());
                }
                visit(index.target());
                visit(index.key());
            }
            case Expr.Unary unary -> visit(unary.operand());
            case Expr.Binary binary -> {
                visit(binary.left());
                visit(binary.right());
            }
            case Expr.Conditional conditional -> {
                visit(conditional.test());
                visit(conditional.then());
                visit(conditional.otherwise());
            }
            case Expr.Cast cast -> visit(cast.operand());
        }
    }

    private void member(Expr.Member member) throws ExprSyntaxException {
        String path = ContextMembers.path(member);
        if (path == null) {
            if (member.target() instanceof Expr.Name type && type.name().equals("StringComparison")) {
                if (!ContextMembers.IGNORE_CASE.contains(member.name()) && !ContextMembers.CASE_SENSITIVE.contains(member.name())) {
                    throw new ExprSyntaxException("unknown StringComparison." + member.name(), member.at());
                }
                return;
            }
            throw new ExprSyntaxException("unsupported member \"" + member.name() + "\"", member.at());
        }
        if (!ContextMembers.MEMBERS.containsKey(path)) {
            throw new ExprSyntaxException("unsupported member " + path, member.at());
        }
        String scope = ContextMembers.scope(path);
        if (!scope.equals(ContextMembers.ROOT) && !scopes.contains(scope)) {
            throw new ExprSyntaxException(scope + " cannot be read here (only " + String.join(", ", scopes.stream().sorted().toList())
                    + ")", member.at());
        }
    }

    private void call(Expr.Call call) throws ExprSyntaxException {
        String target = ContextMembers.path(call.target());
        if (target != null && ContextMembers.MEMBERS.get(target) != Kind.VALUE) {
            visit(call.target());
            if (ContextMembers.MEMBERS.get(target) != Kind.COLLECTION || !ContextMembers.COLLECTION_METHODS.contains(call.method())) {
                throw new ExprSyntaxException("unsupported method " + target + "." + call.method(), call.at());
            }
            int max = call.method().equals("GetValueOrDefault") ? 2 : 1;
            if (call.args().isEmpty() || call.args().size() > max) {
                throw new ExprSyntaxException(call.method() + " takes " + (max == 2 ? "a name and an optional default" : "a name"), call.at());
            }
        } else {
            visit(call.target());
            if (!ContextMembers.STRING_METHODS.contains(call.method())) {
                throw new ExprSyntaxException("unsupported method " + call.method() + "; supported on strings: "
                        + String.join(", ", ContextMembers.STRING_METHODS.stream().sorted().toList()), call.at());
            }
        }
        for (Expr arg : call.args()) {
            visit(arg);
        }
    }
}
