package dev.switchboard.policy.expr;

import dev.switchboard.policy.expr.ExprLexer.Kind;
import dev.switchboard.policy.expr.ExprLexer.Token;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Recursive-descent parser for single C# expressions with APIM's usual operators, by precedence:
 * {@code ?:}, {@code ||}, {@code &&}, {@code == !=}, {@code < <= > >=}, unary {@code ! -} and casts, then member
 * access, calls (with an optional {@code <type>} argument) and indexing.
 */
public final class ExprParser {

    private static final Set<String> CAST_TYPES = Set.of("string", "int", "long", "bool");

    private final List<Token> tokens;
    private int index;

    private ExprParser(List<Token> tokens) {
        this.tokens = tokens;
    }

    /** Parses {@code text} (without the surrounding {@code @( )}) into its AST. */
    public static Expr parse(String text) throws ExprSyntaxException {
        ExprParser parser = new ExprParser(ExprLexer.tokens(text));
        if (parser.peek().kind() == Kind.END) {
            throw new ExprSyntaxException("empty expression", 0);
        }
        Expr expr = parser.conditional();
        Token rest = parser.peek();
        if (rest.kind() != Kind.END) {
            throw new ExprSyntaxException("unexpected '" + rest.text() + "' after the expression", rest.at());
        }
        return expr;
    }

    private Expr conditional() throws ExprSyntaxException {
        Expr test = binary(0);
        if (!peek().is("?")) {
            return test;
        }
        next();
        Expr then = conditional();
        expect(":");
        return new Expr.Conditional(test, then, conditional(), test.at());
    }

    private static final List<Set<String>> LEVELS = List.of(
            Set.of("||"), Set.of("&&"), Set.of("==", "!="), Set.of("<", "<=", ">", ">="));

    /** Left-associative binary operators from precedence {@code level} down. */
    private Expr binary(int level) throws ExprSyntaxException {
        if (level == LEVELS.size()) {
            return unary();
        }
        Expr left = binary(level + 1);
        while (peek().kind() == Kind.SYMBOL && LEVELS.get(level).contains(peek().text())) {
            String operator = next().text();
            left = new Expr.Binary(operator, left, binary(level + 1), left.at());
        }
        return left;
    }

    private Expr unary() throws ExprSyntaxException {
        Token token = peek();
        if (token.is("!") || token.is("-")) {
            next();
            return new Expr.Unary(token.text(), unary(), token.at());
        }
        if (token.is("(") && peek(1).kind() == Kind.IDENT && CAST_TYPES.contains(peek(1).text()) && peek(2).is(")")) {
            next();
            String type = next().text();
            next();
            return new Expr.Cast(type, unary(), token.at());
        }
        return postfix(primary());
    }

    private Expr postfix(Expr target) throws ExprSyntaxException {
        Expr expr = target;
        while (true) {
            Token token = peek();
            if (token.is(".")) {
                next();
                Token name = expectIdent();
                String typeArgument = null;
                if (peek().is("<") && peek(1).kind() == Kind.IDENT && peek(2).is(">") && peek(3).is("(")) {
                    next();
                    typeArgument = next().text();
                    next();
                }
                expr = peek().is("(") ? new Expr.Call(expr, name.text(), typeArgument, arguments(), name.at())
                        : new Expr.Member(expr, name.text(), name.at());
            } else if (token.is("[")) {
                next();
                Expr key = conditional();
                expect("]");
                expr = new Expr.Index(expr, key, token.at());
            } else {
                return expr;
            }
        }
    }

    private List<Expr> arguments() throws ExprSyntaxException {
        expect("(");
        List<Expr> args = new ArrayList<>();
        if (peek().is(")")) {
            next();
            return args;
        }
        do {
            args.add(conditional());
        } while (peek().is(",") && next() != null);
        expect(")");
        return args;
    }

    private Expr primary() throws ExprSyntaxException {
        Token token = next();
        return switch (token.kind()) {
            case STRING, NUMBER -> new Expr.Literal(token.value(), token.at());
            case IDENT -> switch (token.text()) {
                case "true" -> new Expr.Literal(Boolean.TRUE, token.at());
                case "false" -> new Expr.Literal(Boolean.FALSE, token.at());
                case "null" -> new Expr.Literal(null, token.at());
                default -> new Expr.Name(token.text(), token.at());
            };
            case SYMBOL -> {
                if (!token.is("(")) {
                    throw new ExprSyntaxException("unexpected '" + token.text() + "'", token.at());
                }
                Expr inner = conditional();
                expect(")");
                yield inner;
            }
            case END -> throw new ExprSyntaxException("the expression ends too early", token.at());
        };
    }

    private Token expectIdent() throws ExprSyntaxException {
        Token token = next();
        if (token.kind() != Kind.IDENT) {
            throw new ExprSyntaxException("expected a name after '.'", token.at());
        }
        return token;
    }

    private void expect(String symbol) throws ExprSyntaxException {
        Token token = next();
        if (!token.is(symbol)) {
            throw new ExprSyntaxException("expected '" + symbol + "'"
                    + (token.kind() == Kind.END ? " before the end" : ", found '" + token.text() + "'"), token.at());
        }
    }

    private Token peek() {
        return peek(0);
    }

    private Token peek(int ahead) {
        return tokens.get(Math.min(index + ahead, tokens.size() - 1));
    }

    private Token next() {
        Token token = peek();
        if (index < tokens.size() - 1) {
            index++;
        }
        return token;
    }
}
