package dev.switchboard.policy.expr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class PolicyExpressionTest {

    private final MapContext eu = MapContext.request(Map.of("X-Client-Region", "eu-west"));

    private static Object eval(String text, EvalContext context) throws Exception {
        return ExprEvaluator.evaluate(ExprParser.parse(text), context);
    }

    private static boolean request(String text, EvalContext context) throws ExprSyntaxException {
        return PolicyExpression.parse(text, PolicyExpression.REQUEST_SCOPES).test(context);
    }

    @Test
    void parsesPrecedenceAndAssociativity() throws Exception {
        Expr expr = ExprParser.parse("a == \"x\" || b && !c ? 1 : 2");
        assertThat(expr).isInstanceOf(Expr.Conditional.class);
        Expr.Conditional c = (Expr.Conditional) expr;
        Expr.Binary or = (Expr.Binary) c.test();
        assertThat(or.operator()).isEqualTo("||");
        assertThat(((Expr.Binary) or.left()).operator()).isEqualTo("==");
        assertThat(((Expr.Binary) or.right()).operator()).isEqualTo("&&");
        assertThat(((Expr.Binary) or.right()).right()).isInstanceOf(Expr.Unary.class);
    }

    @Test
    void readsHeadersWithDefaultsAndStringMethods() throws Exception {
        assertThat(request("context.Request.Headers.GetValueOrDefault(\"X-Client-Region\",\"\").StartsWith(\"eu\")", eu)).isTrue();
        assertThat(request("context.Request.Headers.GetValueOrDefault(\"x-client-region\",\"\").ToUpper().Contains(\"WEST\")", eu)).isTrue();
        assertThat(request("context.Request.Headers.GetValueOrDefault(\"X-None\",\"dflt\") == \"dflt\"", eu)).isTrue();
        assertThat(request("context.Request.Headers.GetValueOrDefault(\"X-None\",\"\").StartsWith(\"ap\")", eu)).isFalse();
        assertThat(request("context.Request.Headers.ContainsKey(\"X-Client-Region\")", eu)).isTrue();
        assertThat(request("context.Request.Method.Equals(\"post\", StringComparison.OrdinalIgnoreCase)", eu)).isTrue();
        assertThat(request("context.Request.Url.Path.EndsWith(\"/7\") && context.Request.IpAddress == \"10.0.0.1\"", eu)).isTrue();
        assertThat(request("context.Request.Url.Query.GetValueOrDefault(\"version\") == \"2014-03\"", eu)).isTrue();
    }

    @Test
    void readsRegionVariablesAndCasts() throws Exception {
        assertThat(request("context.Deployment.Region == \"westeurope\"", eu)).isTrue();
        assertThat(request("context.Deployment.Region != \"eastus\"", eu)).isTrue();
        assertThat(eval("(string)context.Variables[\"backendUrl\"]", eu)).isEqualTo("http://b");
        assertThat(eval("context.Variables.GetValueOrDefault<string>(\"none\", \"d\")", eu)).isEqualTo("d");
        assertThat(eval("context.Deployment.Region == \"westeurope\" ? \"a\" : \"b\"", eu)).isEqualTo("a");
    }

    @Test
    void retryConditionsSeeTheResponseOrItsAbsence() throws Exception {
        PolicyExpression condition = PolicyExpression.parse("context.Response == null || context.Response.StatusCode >= 500",
                PolicyExpression.RETRY_SCOPES);
        assertThat(condition.test(eu.withStatus(null))).isTrue();
        assertThat(condition.test(eu.withStatus(503))).isTrue();
        assertThat(condition.test(eu.withStatus(404))).isFalse();
        PolicyExpression statusOnly = PolicyExpression.parse("context.Response.StatusCode == 404", PolicyExpression.RETRY_SCOPES);
        // Reading a member of a null Response fails, as in C#: the condition does not hold.
        assertThat(statusOnly.test(eu.withStatus(null))).isFalse();
        assertThat(statusOnly.test(eu.withStatus(404))).isTrue();
        assertThat(eval("(int)context.Response.StatusCode < 400", eu.withStatus(200))).isEqualTo(true);
    }

    @Test
    void typeErrorsFailEvaluationAndConditionsDoNotHold() {
        assertThatThrownBy(() -> eval("context.Request.Method < 3", eu)).isInstanceOf(ExprEvalException.class)
                .hasMessageContaining("needs numbers");
        assertThatThrownBy(() -> eval("context.Request.Method == 3", eu)).isInstanceOf(ExprEvalException.class);
        assertThatThrownBy(() -> eval("(int)context.Request.Method", eu)).hasMessageContaining("cannot cast");
    }

    @Test
    void syntaxErrorsSayWhere() {
        assertThatThrownBy(() -> ExprParser.parse("context.Request.Method == "))
                .isInstanceOf(ExprSyntaxException.class).hasMessage("the expression ends too early")
                .extracting(e -> ((ExprSyntaxException) e).offset()).isEqualTo(26);
        assertThatThrownBy(() -> ExprParser.parse("\"abc")).hasMessage("unterminated string");
        assertThatThrownBy(() -> ExprParser.parse("a = b")).hasMessage("unexpected character '='");
        assertThatThrownBy(() -> ExprParser.parse("(a")).hasMessage("expected ')' before the end");
    }

    @Test
    void checkerRejectsWhatWeDoNotModel() {
        assertThatThrownBy(() -> PolicyExpression.parse("context.RequestId.GetHashCode() > 0", PolicyExpression.REQUEST_SCOPES))
                .hasMessage("unsupported member context.RequestId");
        assertThatThrownBy(() -> PolicyExpression.parse("context.Response.StatusCode == 200", PolicyExpression.REQUEST_SCOPES))
                .hasMessageStartingWith("context.Response cannot be read here");
        assertThatThrownBy(() -> PolicyExpression.parse("context.Request.Method == \"GET\"", PolicyExpression.RETRY_SCOPES))
                .hasMessageStartingWith("context.Request cannot be read here");
        assertThatThrownBy(() -> PolicyExpression.parse("Math.Abs(1) > 0", PolicyExpression.REQUEST_SCOPES))
                .hasMessageContaining("unknown name \"Math\"");
        assertThatThrownBy(() -> PolicyExpression.parse("context.Request.Headers[\"a\"] == \"b\"", PolicyExpression.REQUEST_SCOPES))
                .hasMessageContaining("GetValueOrDefault");
    }
}
