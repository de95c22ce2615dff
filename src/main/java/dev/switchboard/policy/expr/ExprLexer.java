package dev.switchboard.policy.expr;

import java.util.ArrayList;
import java.util.List;

/** Splits expression text into tokens: C# string literals, whole numbers, identifiers and operators. */
final class ExprLexer {

    enum Kind { STRING, NUMBER, IDENT, SYMBOL, END }

    record Token(Kind kind, String text, Object value, int at) {
        boolean is(String symbol) {
            return kind == Kind.SYMBOL && text.equals(symbol);
        }
    }

    private static final List<String> SYMBOLS = List.of("==", "!=", "<=", ">=", "&&", "||", "??",
            "<", ">", "!", "?", ":", "(", ")", ".", ",", "[", "]", "-");

    private final String text;
    private int pos;

    private ExprLexer(String text) {
        this.text = text;
    }

    static List<Token> tokens(String text) throws ExprSyntaxException {
        ExprLexer lexer = new ExprLexer(text);
        List<Token> tokens = new ArrayList<>();
        Token token;
        do {
            token = lexer.next();
            tokens.add(token);
        } while (token.kind() != Kind.END);
        return tokens;
    }

    private Token next() throws ExprSyntaxException {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
        int start = pos;
        if (pos >= text.length()) {
            return new Token(Kind.END, "", null, start);
        }
        char c = text.charAt(pos);
        if (c == '"') {
            return string(start);
        }
        if (Character.isDigit(c)) {
            while (pos < text.length() && Character.isDigit(text.charAt(pos))) {
                pos++;
            }
            String digits = text.substring(start, pos);
            try {
                return new Token(Kind.NUMBER, digits, Long.parseLong(digits), start);
            } catch (NumberFormatException e) {
                throw new ExprSyntaxException("number " + digits + " is too large", start);
            }
        }
        if (Character.isLetter(c) || c == '_') {
            while (pos < text.length() && (Character.isLetterOrDigit(text.charAt(pos)) || text.charAt(pos) == '_')) {
                pos++;
            }
            return new Token(Kind.IDENT, text.substring(start, pos), null, start);
        }
        for (String symbol : SYMBOLS) {
            if (text.startsWith(symbol, pos)) {
                pos += symbol.length();
                return new Token(Kind.SYMBOL, symbol, null, start);
            }
        }
        throw new ExprSyntaxException("unexpected character '" + c + "'", start);
    }

    private Token string(int start) throws ExprSyntaxException {
        StringBuilder value = new StringBuilder();
        pos++;
        while (pos < text.length()) {
            char c = text.charAt(pos++);
            if (c == '"') {
                return new Token(Kind.STRING, text.substring(start, pos), value.toString(), start);
            }
            if (c != '\\') {
                value.append(c);
                continue;
            }
            if (pos >= text.length()) {
                break;
            }
            char escaped = text.charAt(pos++);
            value.append(switch (escaped) {
                case 'n' -> '\n';
                case 't' -> '\t';
                case 'r' -> '\r';
                case '0' -> '\0';
                case '"', '\\', '\'' -> escaped;
                default -> throw new ExprSyntaxException("unsupported escape \\" + escaped, pos - 2);
            });
        }
        throw new ExprSyntaxException("unterminated string", start);
    }
}
