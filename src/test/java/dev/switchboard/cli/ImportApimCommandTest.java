package dev.switchboard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code switchboard import apim}: exit codes, the written config and its side report. */
class ImportApimCommandTest {

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cli = new CommandLine(new Main());
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    private Path namedValues() throws IOException {
        Path file = dir.resolve("named-values.json");
        Files.writeString(file, """
                { "func-primary-url": "http://127.0.0.1:7001", "func-secondary-url": "http://127.0.0.1:7002",
                  "func-secondary-key": "from-key-vault", "orders-us-url": "http://127.0.0.1:7003",
                  "orders-eu-url": "http://127.0.0.1:7004", "orders-apac-url": "http://127.0.0.1:7005" }
                """);
        return file;
    }

    @Test
    void everythingTranslatedExitsZeroAndTheConfigValidates() throws IOException {
        Path config = dir.resolve("failover.json");
        assertThat(run("import", "apim", "test-data/apim/failover-pool.arm.json", "-o", config.toString(),
                "--named-values", namedValues().toString(), "--region", "westeurope")).isZero();
        assertThat(out.toString()).contains("warning: test-data/apim/failover-pool.arm.json#resources[7].properties.value:4:3: rate-limit")
                .contains("wrote " + config);
        assertThat(err.toString()).isEmpty();
        assertThat(run("validate", config.toString())).isZero();
        assertThat(Files.readString(config)).contains("\"region\" : \"westeurope\"");
        JsonNode report = new ObjectMapper().readTree(dir.resolve("failover.report.json").toFile());
        assertThat(report.path("summary").path("unsupported").asInt()).isZero();
        assertThat(report.path("mapping").path("apis[resilient-api].retry").asText())
                .isEqualTo("test-data/apim/failover-pool.arm.json#resources[6].properties.value:8:5");
    }

    @Test
    void theImportedSeedSetupRehearsesToTheSeedStory() throws IOException {
        Path config = dir.resolve("failover.json");
        assertThat(run("import", "apim", "test-data/apim/failover-pool.arm.json", "-o", config.toString(),
                "--named-values", namedValues().toString())).isZero();
        for (String mode : new String[] {"--apim", "--switchboard"}) {
            out.getBuffer().setLength(0);
            int exit = mode.equals("--apim")
                    ? run("rehearse", "--config", config.toString(), "--scenario", "test-data/scenarios/regional-failover.json", "--json", "--apim")
                    : run("rehearse", "--config", config.toString(), "--scenario", "test-data/scenarios/regional-failover.json", "--json");
            assertThat(exit).isZero();
            JsonNode result = new ObjectMapper().readTree(out.toString());
            // APIM retries the primary until its breaker trips (4 attempts); Switchboard retries on the secondary.
            assertThat(result.path("firstRequestAttempts").asInt()).isEqualTo(mode.equals("--apim") ? 4 : 2);
            assertThat(result.path("clientStatus").fieldNames()).toIterable().containsExactly("200");
        }
    }

    @Test
    void somethingUntranslatedExitsOneAndStillWritesTheRest() throws IOException {
        Path config = dir.resolve("weighted.json");
        assertThat(run("import", "apim", "test-data/apim/weighted-random.arm.json", "-o", config.toString())).isEqualTo(1);
        assertThat(err.toString()).contains("unsupported: test-data/apim/weighted-random.arm.json#resources[1].properties.value:4:5: "
                + "set-variable: a multi-statement @{...} block is not translated (hint: use a pool (round-robin or weighted))");
        assertThat(run("validate", config.toString())).isZero();
    }

    @Test
    void unreadableInputExitsTwo() {
        assertThat(run("import", "apim", "test-data/apim/no-such-template.json", "-o", dir.resolve("x.json").toString())).isEqualTo(2);
        assertThat(err.toString()).startsWith("cannot read test-data/apim/no-such-template.json");
        assertThat(dir.resolve("x.json")).doesNotExist();
    }
}
