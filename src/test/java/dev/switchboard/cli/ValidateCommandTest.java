package dev.switchboard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code switchboard validate}: exit codes and output format. */
class ValidateCommandTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int validate(String file) {
        CommandLine cli = new CommandLine(new Main());
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute("validate", file);
    }

    @Test
    void validFilePrintsASummaryAndExitsZero() {
        assertThat(validate("test-data/valid/header-routing.json")).isZero();
        assertThat(out.toString()).matches(
                "ok: 6 backends \\(2 pools\\), 1 api, 0 breaker rules - version hash [0-9a-f]{12}\\R");
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void theDebianPackagesSampleConfigIsValid() {
        // Shipped as /etc/switchboard/example.json; packaging/test-deb-lifecycle.sh validates the installed copy too.
        assertThat(validate("packaging/deb-root/etc/switchboard/example.json")).as(err.toString()).isZero();
        assertThat(out.toString()).startsWith("ok: 3 backends (1 pool), 1 api, 1 breaker rule - version hash ");
    }

    @Test
    void invalidFilePrintsEveryProblemAndExitsOne() {
        assertThat(validate("test-data/invalid/many-problems.json")).isEqualTo(1);
        assertThat(err.toString().lines()).hasSize(13).contains(
                "test-data/invalid/many-problems.json:10:59: backends.primary.circuitBreaker.rules[0]"
                        + ".failureCondition.interval: \"15s\" is not an ISO-8601 duration such as PT15S");
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void missingFileExitsTwoWithASentence() {
        assertThat(validate("test-data/no-such-file.json")).isEqualTo(2);
        assertThat(err.toString()).isEqualTo("cannot read test-data/no-such-file.json: no such file" + System.lineSeparator());
    }

    @Test
    void mainRunsTheSubcommand() {
        assertThat(Main.run("validate", "test-data/valid/round-robin.json")).isZero();
    }
}
