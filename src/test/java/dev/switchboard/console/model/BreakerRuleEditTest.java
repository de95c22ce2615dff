package dev.switchboard.console.model;

import dev.switchboard.config.ConfigLoader;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BreakerRuleEditTest {

    private static final String CONFIG = """
            { "gateway": { "id": "g" },
              "backends": {
                "a": { "url": "http://127.0.0.1:9001", "circuitBreaker": { "rules": [ { "name": "r",
                       "failureCondition": { "count": 3, "interval": "PT10S", "statusCodeRanges": [ { "min": 500, "max": 599 } ] },
                       "tripDuration": "PT30S" } ] } },
                "b": { "url": "http://127.0.0.1:9002" },
                "p": { "type": "Pool", "pool": { "services": [ { "id": "a" }, { "id": "b" } ] } } },
              "apis": [ { "name": "api", "path": "/", "backendId": "p" } ] }
            """;

    @Test
    void readsAndRewritesTheFirstRuleAndTheValidatorJudgesTheResult() {
        assertThat(BreakerRuleEdit.backends(CONFIG)).containsExactly("a", "b");
        assertThat(BreakerRuleEdit.read(CONFIG, "a")).isEqualTo(new BreakerRuleEdit.Values("3", "PT10S", "PT30S"));

        String edited = BreakerRuleEdit.write(CONFIG, "a", new BreakerRuleEdit.Values("5", "PT20S", "PT1M"));
        assertThat(ConfigLoader.parse(edited).orThrow().backends().get("a").circuitBreaker().rules().getFirst()
                .tripDuration()).hasMinutes(1);

        String bad = BreakerRuleEdit.write(CONFIG, "a", new BreakerRuleEdit.Values("many", "PT20S", "PT1M"));
        assertThat(ConfigLoader.parse(bad).problems()).anySatisfy(p -> assertThat(p.path()).contains("count"));
    }

    @Test
    void aBackendWithoutARuleGetsOneAndBrokenTextIsRefused() {
        String edited = BreakerRuleEdit.write(CONFIG, "b", new BreakerRuleEdit.Values("2", "PT5S", "PT15S"));
        assertThat(BreakerRuleEdit.read(edited, "b")).isEqualTo(new BreakerRuleEdit.Values("2", "PT5S", "PT15S"));
        assertThatThrownBy(() -> BreakerRuleEdit.write("{ nope", "a", new BreakerRuleEdit.Values("1", "PT1S", "PT1S")))
                .hasMessageContaining("not JSON");
        assertThat(BreakerRuleEdit.read("{ nope", "a")).isNull();
    }
}
