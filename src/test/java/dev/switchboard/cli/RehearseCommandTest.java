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

/** {@code switchboard rehearse}: the JSON contract, the human summary, and bad scenario files. */
class RehearseCommandTest {

    private static final String CONFIG = "test-data/scenarios/regional-failover.config.json";
    private static final String SCENARIO = "test-data/scenarios/regional-failover.json";

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int rehearse(String... args) {
        CommandLine cli = new CommandLine(new Main());
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        String[] all = new String[args.length + 1];
        all[0] = "rehearse";
        System.arraycopy(args, 0, all, 1, args.length);
        return cli.execute(all);
    }

    @Test
    void jsonHasTheContractFields() throws IOException {
        assertThat(rehearse("--config", CONFIG, "--scenario", SCENARIO, "--apim", "--json")).isZero();
        JsonNode json = new ObjectMapper().readTree(out.toString());

        assertThat(json.get("requests").asLong()).isEqualTo(30);
        assertThat(json.get("clientStatus").get("200").asLong()).isEqualTo(30);
        assertThat(json.get("attempts").get("4").asLong()).isEqualTo(2);
        assertThat(json.get("backendHits").get("func-secondary").asLong()).isEqualTo(30);
        assertThat(json.get("firstRequestAttempts").asInt()).isEqualTo(4);
        assertThat(json.get("firstFailoverAt").asText()).isEqualTo("PT2S");
        assertThat(json.get("allShiftedAt").asText()).isEqualTo("PT1S");
        JsonNode trip = json.get("transitions").get(0);
        assertThat(trip.get("at").asText()).isEqualTo("PT1S");
        assertThat(trip.get("backend").asText()).isEqualTo("func-primary");
        assertThat(trip.get("from").asText()).isEqualTo("CLOSED");
        assertThat(trip.get("to").asText()).isEqualTo("OPEN");
        assertThat(trip.get("reason").asText()).contains("3 failures in PT15S");
        assertThat(json.get("semantics").asText()).isEqualTo("apim");
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void humanOutputHasTheSummaryTimelineAndShares() {
        assertThat(rehearse("--config", CONFIG, "--scenario", SCENARIO)).isZero();
        assertThat(out.toString())
                .contains("first request:        2 attempt(s)")
                .contains("client 5xx:           0")
                .containsPattern("PT4S +func-primary +CLOSED -> OPEN")
                .containsPattern("PT6S\\.\\.PT34S +func-secondary 100%");
    }

    @Test
    void aBadScenarioIsReportedCompilerStyleAndExitsOne(@TempDir Path dir) throws IOException {
        Path scenario = dir.resolve("bad.json");
        Files.writeString(scenario, """
                { "duration": "PT10S", "rate": 1, "path": "/resilient-api/",
                  "backends": { "func-primary": [ { "from": "PT0S", "status": 99 } ] } }
                """);
        assertThat(rehearse("--config", CONFIG, "--scenario", scenario.toString())).isEqualTo(1);
        assertThat(err.toString()).isEqualTo(scenario + ":2:63: backends.func-primary[0].status: must be between 200 and 599, found 99"
                + System.lineSeparator());
        assertThat(rehearse("--config", CONFIG, "--scenario", dir.resolve("none.json").toString())).isEqualTo(2);
    }
}
