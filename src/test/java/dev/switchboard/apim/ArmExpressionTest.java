package dev.switchboard.apim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class ArmExpressionTest {

    private final JsonNode template = read("""
            { "parameters": { "apim": { "type": "string" }, "fn": { "type": "string", "defaultValue": "func-eu" } },
              "variables": { "pool": "[concat('pool-', parameters('fn'))]" } }
            """);

    private static JsonNode read(String json) {
        try {
            return new ObjectMapper().readTree(json);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void evaluatesTheFunctionsResourceNamesUse() throws ImportException {
        assertThat(ArmExpression.evaluate("[concat(parameters('apim'), '/', variables('pool'))]", template)).isEqualTo("{apim}/pool-func-eu");
        assertThat(ArmExpression.evaluate("[resourceId('Microsoft.ApiManagement/service/backends', parameters('apim'), parameters('fn'))]",
                template)).isEqualTo("/providers/Microsoft.ApiManagement/service/{apim}/backends/func-eu");
        assertThat(ArmExpression.evaluate("[format('{0}/{1}', 'a', toUpper('b'))]", template)).isEqualTo("a/B");
        assertThat(ArmExpression.evaluate("[concat('it''s', ' ok')]", template)).isEqualTo("it's ok");
        assertThat(ArmExpression.evaluate("plain/name", template)).isEqualTo("plain/name");
        assertThat(ArmExpression.evaluate("[[not an expression]", template)).isEqualTo("[not an expression]");
    }

    @Test
    void reportsWhatItCannotEvaluate() {
        assertThatThrownBy(() -> ArmExpression.evaluate("[reference('x').properties]", template))
                .hasMessage("ARM property access after reference(...) is not supported");
        assertThatThrownBy(() -> ArmExpression.evaluate("[uniqueString('x')]", template))
                .hasMessage("ARM function uniqueString() is not supported");
        assertThatThrownBy(() -> ArmExpression.evaluate("[concat('a']", template)).hasMessageContaining("expected ')'");
    }

    @Test
    void aParameterTheTemplateDoesNotDeclareIsAnErrorNamingIt() throws ImportException {
        assertThatThrownBy(() -> ArmExpression.evaluate("[concat('/', parameters('apiPth'))]", template))
                .hasMessage("parameter 'apiPth' is not declared in the template's parameters");
        assertThat(ArmExpression.evaluate("[parameters('FN')]", template)).isEqualTo("func-eu");
    }
}
