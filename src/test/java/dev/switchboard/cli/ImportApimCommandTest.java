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

    @Test
    void aFolderThatIsNotAnApiOpsExtractIsUnreadableInputAndExitsTwo() throws IOException {
        Path folder = Files.createDirectories(dir.resolve("not-apiops"));
        Files.writeString(folder.resolve("README.md"), "some other folder");

        assertThat(run("import", "apim", folder.toString(), "-o", dir.resolve("x.json").toString())).isEqualTo(2);
        assertThat(err.toString()).startsWith(folder + ": not an APIOps extractor folder: expected backends/, apis/, namedValues/ "
                + "or policy.xml in it");
        assertThat(dir.resolve("x.json")).doesNotExist();
        assertThat(dir.resolve("x.report.json")).doesNotExist();
    }

    @Test
    void whenNothingLoadableIsLeftNoOlderConfigStaysAndTheMessageSaysWhatWasWritten() throws IOException {
        Path config = dir.resolve("out.json");
        Files.writeString(config, "{ \"backends\": { \"from-an-earlier-run\": { \"url\": \"http://127.0.0.1:1\" } } }");
        // Without --named-values no backend URL resolves: a config must define a backend, so none can pass validate.
        assertThat(run("import", "apim", "test-data/apim/failover-pool.arm.json", "-o", config.toString())).isEqualTo(1);
        assertThat(config).doesNotExist();
        assertThat(dir.resolve("out.report.json")).exists();
        assertThat(out.toString()).contains("wrote only " + dir.resolve("out.report.json") + ": ").doesNotContain("nothing written");
        assertThat(err.toString()).contains(config + " not written: what is left does not load: backends: must define at least one backend")
                .contains("the older " + config + " was removed");
        JsonNode report = new ObjectMapper().readTree(dir.resolve("out.report.json").toFile());
        assertThat(report.path("configNotWritten").asText()).contains("must define at least one backend");
    }

    @Test
    void everyElementNotTranslatedPointsAtItsSourceFileLineAndColumn() throws IOException {
        assertThat(run("import", "apim", "test-data/apim/geo-routing.arm.json", "-o", dir.resolve("geo.json").toString())).isEqualTo(1);
        // The implicit backends from base-url="{{...}}" are left out at the set-backend-service that named them.
        assertThat(err.toString()).contains("unsupported: test-data/apim/geo-routing.arm.json#resources[1].properties.value:9:9: "
                + "backend backend: left out: backends.backend.url");
        String where = "test-data/apim/geo-routing.arm.json#resources[1].properties.value:";
        assertThat(err.toString().lines().filter(line -> line.startsWith("unsupported: ")))
                .isNotEmpty()
                .allSatisfy(line -> assertThat(line).startsWith("unsupported: " + where).matches("unsupported: \\S+:\\d+:\\d+: .*"));
        JsonNode entries = new ObjectMapper().readTree(dir.resolve("geo.report.json").toFile()).path("entries");
        for (JsonNode entry : entries) {
            assertThat(entry.path("file").asText()).as(entry.toString()).isEqualTo("test-data/apim/geo-routing.arm.json");
        }
    }

    @Test
    void translatedElementsArePrintedOnStdout() throws IOException {
        assertThat(run("import", "apim", "test-data/apim/failover-pool.arm.json", "-o", dir.resolve("f.json").toString(),
                "--named-values", namedValues().toString())).isZero();
        assertThat(out.toString()).contains("translated: test-data/apim/failover-pool.arm.json#resources[6].properties.value:4:5: "
                + "set-backend-service: translated to apis[resilient-api].backendId");
    }

    @Test
    void aPolicyThatIsNotWellFormedXmlIsUnreadableInputAndExitsTwo() throws IOException {
        Path folder = dir.resolve("broken.apiops");
        Path source = Path.of("test-data/apim/region-routing.apiops");
        try (var files = Files.walk(source)) {
            for (Path file : files.toList()) {
                Path copy = folder.resolve(source.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(copy);
                } else {
                    Files.copy(file, copy);
                }
            }
        }
        Files.writeString(folder.resolve("apis/hello/policy.xml"), "<policies>\n  <inbound>\n    <base />\n  </inbund>\n</policies>\n");
        Path config = dir.resolve("broken.json");
        assertThat(run("import", "apim", folder.toString(), "-o", config.toString())).isEqualTo(2);
        assertThat(err.toString()).containsPattern("broken\\.apiops/apis/hello/policy\\.xml:4:\\d+: policy: not well-formed XML");
        assertThat(config).doesNotExist();

        Path template = dir.resolve("broken.arm.json");
        Files.writeString(template, """
                { "resources": [
                  { "type": "Microsoft.ApiManagement/service/apis", "name": "svc/items",
                    "properties": { "path": "items", "serviceUrl": "http://127.0.0.1:7001" } },
                  { "type": "Microsoft.ApiManagement/service/apis/policies", "name": "svc/items/policy",
                    "properties": { "format": "rawxml", "value": "<policies>\\n  <inbound>\\n  </outbound>\\n</policies>" } } ] }
                """);
        err.getBuffer().setLength(0);
        assertThat(run("import", "apim", template.toString(), "-o", config.toString())).isEqualTo(2);
        assertThat(err.toString()).containsPattern("broken\\.arm\\.json#resources\\[1\\]\\.properties\\.value:3:\\d+: policy: not well-formed XML");
        assertThat(config).doesNotExist();
    }
}
