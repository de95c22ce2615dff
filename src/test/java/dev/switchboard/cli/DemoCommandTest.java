package dev.switchboard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code switchboard demo}: real gateway, real traffic, a report line a second, then a clean stop. */
class DemoCommandTest {

    @Test
    void reportsLiveTrafficEverySecondAndStopsAfterTheDuration() {
        StringWriter out = new StringWriter();
        CommandLine cli = new CommandLine(new Main());
        cli.setOut(new PrintWriter(out, true));

        int exit = cli.execute("demo", "--listen", "127.0.0.1:0", "--duration", "PT3.5S", "--rate", "100", "--no-drill");

        assertThat(exit).isZero();
        assertThat(out.toString()).containsPattern("Switchboard demo: gateway on http://127\\.0\\.0\\.1:\\d+")
                .contains("100 requests/s. Ctrl-C stops.");
        assertThat(out.toString().lines().filter(l -> l.startsWith("t=")))
                .hasSizeGreaterThanOrEqualTo(2)
                .last().asString()
                .containsPattern("2xx [1-9]\\d*")
                .contains("| orders: orders-east-1 ", "| catalog: catalog-1 ");
    }
}
