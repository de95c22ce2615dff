package dev.switchboard.policy.expr;

import dev.switchboard.policy.expr.ContextMembers.Kind;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Evaluates a checked AST against an {@link EvalContext} with C#'s meaning: strings compare by value, numbers are
 * whole ({@link Long}), reading a member of null fails, and so does comparing values of different types.
 */
public final class ExprEvaluator {

    /** A part of context that is not a value itself, such as context.Request.Headers. */
    private record ContextObject(String path) {
    }

    private final EvalContext context;

    private ExprEvaluator(EvalContext context) {
        this.context = context;
    }

    /** The value: a String, Long, Boolean or null. */
    public static Object evaluate(Expr expr, EvalContext context) throws ExprEvalException {
        Object value = new ExprEvaluator(context).eval(expr);
        if (value instanceof ContextObject object) {
            return object.path().equals("context.Response") ? Boolean.TRUE : fail(expr, object.path() + " is not a value");
        }
        return value;
    }

    /** True only when the expression evaluates to true; an evaluation error counts as false, as a failed condition. */
    public static boolean test(Expr expr, EvalContext context) {
        try {
            return Boolean.TRUE.equals(evaluate(expr, context));
        } catch (ExprEvalException e) {
            return false;
        }
    }

    private Object eval(Expr expr) throws ExprEvalException {
        return switch (expr) {
            case Expr.Literal literal -> literal.value();
            case Expr.Name name -> new ContextObject(name.name());
            case Expr.Member member -> member(member);
            case Expr.Call call -> call(call);
            case Expr.Index index -> collection(index, "context.Variables", string(index.key()), null, false);
            case Expr.Unary unary -> unary.operator().equals("!") ? !bool(unary.operand()) : -number(unary.operand());
            case Expr.Binary binary -> binary(binary);
            case Expr.Conditional c -> bool(c.test()) ? eval(c.then()) : eval(c.otherwise());
            case Expr.Cast cast -> cast(cast);
        };
    }

    private Object member(Expr.Member member) throws ExprEvalException {
        String path = ContextMembers.path(member);
        if (path == null) {
            // StringComparison.X: only its name matters.
            return member.name();
        }
        if (path.equals("context.Response")) {
            return context.responseStatus() == null ? null : new ContextObject(path);
        }
        if (path.startsWith("context.Response.") && context.responseStatus() == null) {
            return fail(member, "context.Response is null");
        }
        Kind kind = ContextMembers.MEMBERS.get(path);
        if (kind != Kind.VALUE) {
            return new ContextObject(path);
        }
        return switch (path) {
            case "context.Request.Url.Path" -> context.path();
            case "context.Request.Url.QueryString" -> context.queryString();
            case "context.Request.Method" -> context.method();
            case "context.Request.IpAddress" -> context.ipAddress();
            case "context.Response.StatusCode" -> (long) context.responseStatus();
            case "context.Deployment.Region" -> context.region();
            default -> fail(member, "unsupported member " + path);
        };
    }

    private Object call(Expr.Call call) throws ExprEvalException {
        String target = ContextMembers.path(call.target());
        List<Expr> args = call.args();
        if (target != null && ContextMembers.MEMBERS.get(target) == Kind.COLLECTION) {
            Object fallback = args.size() > 1 ? eval(args.get(1)) : null;
            return collection(call, target, string(args.getFirst()), fallback, call.method().equals("ContainsKey"));
        }
        Object receiver = eval(call.target());
        if (!(receiver instanceof String s)) {
            return fail(call, call.method() + " called on " + describe(receiver));
        }
        return switch (call.method()) {
            case "ToLower", "ToLowerInvariant" -> s.toLowerCase(Locale.ROOT);
            case "ToUpper", "ToUpperInvariant" -> s.toUpperCase(Locale.ROOT);
            case "Trim" -> s.strip();
            case "StartsWith" -> ignoreCase(args) ? s.regionMatches(true, 0, arg(args), 0, arg(args).length()) : s.startsWith(arg(args));
            case "EndsWith" -> ignoreCase(args)
                    ? s.regionMatches(true, s.length() - arg(args).length(), arg(args), 0, arg(args).length())
                    : s.endsWith(arg(args));
            case "Contains" -> s.contains(arg(args));
            case "Equals" -> ignoreCase(args) ? s.equalsIgnoreCase(arg(args)) : s.equals(arg(args));
            default -> fail(call, "unsupported method " + call.method());
        };
    }

    private String arg(List<Expr> args) throws ExprEvalException {
        if (args.isEmpty()) {
            throw new ExprEvalException("missing argument");
        }
        return string(args.getFirst());
    }

    private boolean ignoreCase(List<Expr> args) throws ExprEvalException {
        return args.size() > 1 && ContextMembers.IGNORE_CASE.contains(String.valueOf(eval(args.get(1))));
    }

    private Object collection(Expr at, String path, String key, Object fallback, boolean containsKey) throws ExprEvalException {
        if (key == null) {
            return fail(at, "the name is null");
        }
        Object value = switch (path) {
            case "context.Request.Headers" -> context.header(key);
            case "context.Request.Url.Query" -> context.query(key);
            case "context.Variables" -> context.variable(key);
            default -> fail(at, path + " is not a collection");
        };
        if (containsKey) {
            return value != null;
        }
        if (value == null && at instanceof Expr.Index) {
            return fail(at, "variable \"" + key + "\" is not set");
        }
        return value == null ? fallback : value;
    }

    private Object binary(Expr.Binary binary) throws ExprEvalException {
        switch (binary.operator()) {
            case "&&":
                return bool(binary.left()) && bool(binary.right());
            case "||":
                return bool(binary.left()) || bool(binary.right());
            default:
                break;
        }
        Object left = eval(binary.left());
        Object right = eval(binary.right());
        return switch (binary.operator()) {
            case "==" -> same(binary, left, right);
            case "!=" -> !same(binary, left, right);
            default -> compare(binary, left, right);
        };
    }

    private boolean same(Expr at, Object left, Object right) throws ExprEvalException {
        if (left == null || right == null) {
            return left == right;
        }
        if (left instanceof ContextObject || right instanceof ContextObject) {
            return Objects.equals(left, right);
        }
        if (left.getClass() != right.getClass()) {
            fail(at, "cannot compare " + describe(left) + " with " + describe(right));
        }
        return left.equals(right);
    }

    private boolean compare(Expr.Binary at, Object left, Object right) throws ExprEvalException {
        if (!(left instanceof Long a) || !(right instanceof Long b)) {
            fail(at, "'" + at.operator() + "' needs numbers, found " + describe(left) + " and " + describe(right));
            return false;
        }
        int c = Long.compare(a, b);
        return switch (at.operator()) {
            case "<" -> c < 0;
            case "<=" -> c <= 0;
            case ">" -> c > 0;
            default -> c >= 0;
        };
    }

    private Object cast(Expr.Cast cast) throws ExprEvalException {
        Object value = eval(cast.operand());
        boolean fits = switch (cast.type()) {
            case "string" -> value == null || value instanceof String;
            case "int", "long" -> value instanceof Long;
            default -> value instanceof Boolean;
        };
        return fits ? value : fail(cast, "cannot cast " + describe(value) + " to " + cast.type());
    }

    private boolean bool(Expr expr) throws ExprEvalException {
        Object value = eval(expr);
        return value instanceof Boolean b ? b : (Boolean) fail(expr, "expected true or false, found " + describe(value));
    }

    private long number(Expr expr) throws ExprEvalException {
        Object value = eval(expr);
        return value instanceof Long n ? n : (Long) fail(expr, "expected a number, found " + describe(value));
    }

    private String string(Expr expr) throws ExprEvalException {
        Object value = eval(expr);
        return value == null || value instanceof String ? (String) value : (String) fail(expr, "expected a string, found " + describe(value));
    }

    private static String describe(Object value) {
        return switch (value) {
            case null -> "null";
            case String s -> "string \"" + s + "\"";
            case ContextObject o -> o.path();
            default -> value.getClass().getSimpleName().toLowerCase(Locale.ROOT) + " " + value;
        };
    }

    private static Object fail(Expr at, String message) throws ExprEvalException {
        throw new ExprEvalException(message + " (at offset " + at.at() + ")");
    }
}
