package dev.switchboard.policy.expr;

import java.util.List;

/**
 * The AST of one APIM single-statement policy expression (the text inside {@code @(...)}): a small C# subset.
 * Every node keeps its offset in the expression text so problems can point into it.
 */
public sealed interface Expr {

    /** Offset of the node's first character in the expression text (0-based). */
    int at();

    /** A string, a whole number ({@link Long}), true/false or null. */
    record Literal(Object value, int at) implements Expr {
    }

    /** A bare identifier: {@code context}, or an enum type such as {@code StringComparison}. */
    record Name(String name, int at) implements Expr {
    }

    /** {@code target.name}. */
    record Member(Expr target, String name, int at) implements Expr {
    }

    /** {@code target.method(args)}; {@code typeArgument} is the {@code <string>} of a generic call, or null. */
    record Call(Expr target, String method, String typeArgument, List<Expr> args, int at) implements Expr {
        public Call {
            args = List.copyOf(args);
        }
    }

    /** {@code target[key]}. */
    record Index(Expr target, Expr key, int at) implements Expr {
    }

    /** {@code !operand} or {@code -operand}. */
    record Unary(String operator, Expr operand, int at) implements Expr {
    }

    /** {@code left op right} for ==, !=, <, <=, >, >=, &&, ||. */
    record Binary(String operator, Expr left, Expr right, int at) implements Expr {
    }

    /** {@code test ? then : otherwise}. */
    record Conditional(Expr test, Expr then, Expr otherwise, int at) implements Expr {
    }

    /** {@code (type)operand} for string, int, long, bool. */
    record Cast(String type, Expr operand, int at) implements Expr {
    }
}
