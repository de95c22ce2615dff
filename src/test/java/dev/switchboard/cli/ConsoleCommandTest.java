package dev.switchboard.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import static org.assertj.core.api.Assertions.assertThat;

/** The console command's argument checks, which run before any window or gateway starts. */
class ConsoleCommandTest {

    @Test
    void eachConnectNeedsItsToken() {
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new Main());
        cli.setErr(new PrintWriter(err, true));

        int exit = cli.execute("console", "--connect", "ws://127.0.0.1:1/telemetry", "--connect", "ws://127.0.0.1:2/telemetry",
                "--token", "only-one");

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).contains("give one --token per --connect (got 2 --connect and 1 --token)");
    }

    @Test
    void anInvalidConfigIsReportedCompilerStyleWithoutOpeningAWindow() {
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new Main());
        cli.setErr(new PrintWriter(err, true));

        int exit = cli.execute("console", "--config", "test-data/invalid/admin-bad-role.json");

        assertThat(exit).isEqualTo(1);
        assertThat(err.toString()).startsWith("test-data/invalid/admin-bad-role.json:");
    }

    @Test
    void theBareLauncherAndABareSmokeTestMeanTheConsole() {
        assertThat(Main.consoleByDefault(new String[0])).containsExactly("console");
        assertThat(Main.consoleByDefault(new String[] {"--smoke-test"})).containsExactly("console", "--smoke-test");
        assertThat(Main.consoleByDefault(new String[] {"--version"})).containsExactly("--version");
        assertThat(Main.consoleByDefault(new String[] {"validate", "--smoke-test"})).containsExactly("validate", "--smoke-test");
    }
}
