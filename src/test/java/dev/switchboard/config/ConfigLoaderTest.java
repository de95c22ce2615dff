package dev.switchboard.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Loader behaviour that the sample files do not show on their own. */
class ConfigLoaderTest {

    private static final String MINIMAL = """
            { "backends": { "app": { "url": "http://127.0.0.1:9001" } },
              "apis": [ { "name": "api", "backendId": "app" } ] }
            """;

    @Test
    void syntaxErrorsAreOneReadableProblemAtJacksonsLocation() {
        ConfigResult result = ConfigLoader.parse("{\n  \"backends\": {\n    \"a\": tru\n  }\n}");
        assertThat(result.problems()).hasSize(1);
        ConfigProblem problem = result.problems().getFirst();
        assertThat(problem.path()).isEqualTo(ConfigProblem.ROOT);
        assertThat(problem.line()).isEqualTo(3);
        assertThat(problem.message()).startsWith("invalid JSON: ")
                .doesNotContain("com.fasterxml", "Source:", "REDACTED", "\n");
    }

    @Test
    void aFileSavedWithAByteOrderMarkLoads() throws IOException {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] json = MINIMAL.getBytes(StandardCharsets.UTF_8);
        byte[] saved = new byte[bom.length + json.length];
        System.arraycopy(bom, 0, saved, 0, bom.length);
        System.arraycopy(json, 0, saved, bom.length, json.length);
        assertThat(ConfigLoader.load(new ByteArrayInputStream(saved)).problems()).isEmpty();
    }

    @Test
    void unterminatedDocumentHasNoStartMarkerNoise() {
        ConfigProblem problem = ConfigLoader.parse("{ \"backends\": {").problems().getFirst();
        assertThat(problem.message()).startsWith("invalid JSON: ").doesNotContain("[", "Source");
    }

    @Test
    void emptyInputAndTrailingContentAreReported() {
        assertThat(ConfigLoader.parse("").problems()).extracting(ConfigProblem::toString)
                .containsExactly("$ (line 1, col 1): invalid JSON: the file is empty; expected a JSON object");
        assertThat(ConfigLoader.parse(MINIMAL + "{}").problems()).extracting(ConfigProblem::message)
                .containsExactly("invalid JSON: unexpected content after the end of the JSON document");
    }

    @Test
    void jacksonsReadLimitsAreAProblemWithALocationNotAnException() {
        String deep = "{\"backends\":" + "[".repeat(1200) + "]".repeat(1200) + "}";
        ConfigProblem nesting = ConfigLoader.parse(deep).problems().getFirst();
        assertThat(nesting.message()).startsWith("invalid JSON: ").contains("nesting depth");
        assertThat(nesting.line()).isEqualTo(1);
        assertThat(nesting.column()).isGreaterThan(1000);

        String longNumber = "{\n  \"backends\": { \"a\": " + "1".repeat(1500) + " } }";
        ConfigProblem number = ConfigLoader.parse(longNumber).problems().getFirst();
        assertThat(number.message()).startsWith("invalid JSON: ").contains("Number value length");
        assertThat(number.line()).isEqualTo(2);
    }

    @Test
    void aDurationBeyondAYearIsAProblemAtItsFieldNotAnOverflowLater() {
        // PT2562048H is past what a long of nanoseconds holds: it used to load, and throw when a request armed its timer.
        for (String total : new String[] {"PT2562048H", "P366D"}) {
            ConfigResult result = ConfigLoader.parse("""
                    { "backends": { "app": { "url": "http://127.0.0.1:9001" } },
                      "apis": [ { "name": "api", "backendId": "app", "timeouts": { "total": "%s" } } ] }
                    """.formatted(total));
            assertThat(result.problems()).extracting(ConfigProblem::path, ConfigProblem::message).containsExactly(tuple(
                    "apis[0].timeouts.total", "must be at most P365D (365 days), found " + total));
        }
        assertThat(ConfigLoader.parse(MINIMAL.replace("\"backendId\": \"app\"",
                "\"backendId\": \"app\", \"timeouts\": { \"total\": \"P365D\" }")).problems()).isEmpty();
    }

    @Test
    void rootMustBeAnObject() {
        assertThat(ConfigLoader.parse("[]").problems()).extracting(ConfigProblem::toString)
                .containsExactly("$ (line 1, col 1): expected an object, found an array");
    }

    @Test
    void readsFromAStreamAndThrowsOnRequest() throws IOException {
        var in = new ByteArrayInputStream(MINIMAL.getBytes(StandardCharsets.UTF_8));
        assertThat(ConfigLoader.load(in).orThrow().backend("app").id()).isEqualTo("app");
        assertThatThrownBy(() -> ConfigLoader.parse("{}").orThrow())
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.problems())
                        .extracting(ConfigProblem::toString)
                        .containsExactly("backends (line 1, col 1): missing required field \"backends\""))
                .hasMessageContaining("1 config problem(s)");
    }

    @Test
    void hashIgnoresFormattingAndSpelledOutDefaultsButNotChanges() {
        GatewayConfig minimal = ConfigLoader.parse(MINIMAL).orThrow();
        GatewayConfig explicit = ConfigLoader.parse(MINIMAL.replace("\"backendId\": \"app\"",
                "\"backendId\": \"app\", \"path\": \"/\", \"preserveHost\": false")).orThrow();
        GatewayConfig changed = ConfigLoader.parse(MINIMAL.replace("9001", "9002")).orThrow();
        assertThat(ConfigHash.of(explicit)).isEqualTo(ConfigHash.of(minimal));
        assertThat(ConfigHash.of(changed)).isNotEqualTo(ConfigHash.of(minimal));
        assertThat(ConfigHash.shortHash(minimal)).hasSize(12).matches("[0-9a-f]+");
    }

    @Test
    void nullCountsAsAbsentAsInApim() {
        GatewayConfig config = ConfigLoader.parse("""
                { "backends": { "a": { "url": "http://127.0.0.1:1" },
                                "p": { "type": "Pool", "pool": { "services": [ { "id": "a", "weight": null, "priority": null } ] } } } }
                """).orThrow();
        assertThat(config.backend("p").pool().services()).containsExactly(new PoolMember("a", null, null));
    }
}
