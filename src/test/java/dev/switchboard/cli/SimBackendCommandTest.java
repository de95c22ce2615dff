package dev.switchboard.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.sim.SimBehavior;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class SimBackendCommandTest {

    @Test
    void isRegisteredInMain() {
        assertThat(new CommandLine(new Main()).getSubcommands()).containsKey("sim-backend");
    }

    @Test
    void optionsDescribeTheStartingBehaviour() {
        SimBackendCommand command = new SimBackendCommand();
        new CommandLine(command).parseArgs("--listen", "127.0.0.1:0", "--name", "orders-east-1",
                "--status", "502", "--latency", "PT0.1S", "--error-rate", "0.25", "--retry-after", "5", "--hang");

        assertThat(command.behavior()).isEqualTo(new SimBehavior(502, Duration.ofMillis(100), 0.25, 503,
                OptionalInt.of(5), false, true, false));
    }

    @Test
    void defaultsMatchSimBehaviorDefaults() {
        SimBackendCommand command = new SimBackendCommand();
        new CommandLine(command).parseArgs("--listen", ":0");

        assertThat(command.behavior()).isEqualTo(SimBehavior.defaults());
    }

    @Test
    void outOfRangeBehaviourIsAUsageError() {
        int exit = new CommandLine(new SimBackendCommand()).execute("--listen", "127.0.0.1:0", "--error-rate", "2");

        assertThat(exit).isEqualTo(CommandLine.ExitCode.USAGE);
    }

    @Test
    void parsesHostPortForms() {
        SocketAddressConverter converter = new SocketAddressConverter();

        assertThat(converter.convert("127.0.0.1:8081")).isEqualTo(new InetSocketAddress("127.0.0.1", 8081));
        assertThat(converter.convert("[::1]:8081")).isEqualTo(new InetSocketAddress("::1", 8081));
        assertThat(converter.convert(":8081").getAddress().isAnyLocalAddress()).isTrue();
        assertThat(SocketAddressConverter.url(new InetSocketAddress("::1", 8081))).isEqualTo("http://[0:0:0:0:0:0:0:1]:8081");
        assertThatThrownBy(() -> converter.convert("localhost")).isInstanceOf(CommandLine.TypeConversionException.class);
        assertThatThrownBy(() -> converter.convert("localhost:http")).isInstanceOf(CommandLine.TypeConversionException.class);
    }
}
