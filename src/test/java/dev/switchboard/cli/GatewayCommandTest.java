package dev.switchboard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code switchboard gateway}: a config with problems never starts a gateway; the help explains the service. */
class GatewayCommandTest {

    @TempDir
    Path dir;

    private final StringWriter err = new StringWriter();

    private int gateway(String... args) {
        CommandLine cli = new CommandLine(new Main());
        cli.setErr(new PrintWriter(err, true));
        String[] all = new String[args.length + 1];
        all[0] = "gateway";
        System.arraycopy(args, 0, all, 1, args.length);
        return cli.execute(all);
    }

    @Test
    void invalidConfigIsReportedAndExitsOne() throws Exception {
        Path file = dir.resolve("bad.json");
        Files.writeString(file, "{ \"backends\": { \"a\": { \"url\": \"http://127.0.0.1:1\" } },\n  \"apis\": [ { \"name\": \"x\", \"backendId\": \"nope\" } ] }");
        assertThat(gateway("--config", file.toString())).isEqualTo(1);
        assertThat(err.toString()).contains(file + ":2:").contains("apis[0].backendId");
    }

    @Test
    void helpIsTheServicesManual() {
        StringWriter out = new StringWriter();
        CommandLine cli = new CommandLine(new Main());
        cli.setOut(new PrintWriter(out, true));
        assertThat(cli.execute("gateway", "--help")).isZero();
        assertThat(out.toString()).contains("reloaded on SIGHUP", "switchboard-gateway@.service", "--state-dir /var/lib/switchboard/NAME",
                "/etc/switchboard/example.json", "sudo systemctl enable --now switchboard-gateway@NAME");
        assertThat(out.toString().lines()).as("fits 80 columns").allMatch(line -> line.length() <= 80);
    }

    @Test
    void aWarmupCountOutOfRangeExitsTwoNamingTheRange() {
        assertThat(gateway("--config", dir.resolve("any.json").toString(), "--warmup", "-1")).isEqualTo(2);
        assertThat(err.toString()).contains("--warmup must be 0-10000000 (0: off), not -1");
    }

    @Test
    void missingFileExitsTwo() {
        assertThat(gateway("--config", dir.resolve("missing.json").toString())).isEqualTo(2);
        assertThat(err.toString()).contains("cannot read");
    }

    @Test
    void aFleetGatewayNeedsAnIdAndEitherAFileOrAFleet() {
        assertThat(gateway("--fleet", "etcd://127.0.0.1:2379/prod")).isEqualTo(2);
        assertThat(err.toString()).contains("--fleet needs --id ID");
        assertThat(gateway("--fleet", "etcd://127.0.0.1:2379/prod", "--config", "x.json")).isEqualTo(2);
        assertThat(gateway()).isEqualTo(2);
        assertThat(err.toString()).contains("give either --config FILE or --fleet etcd://HOST:PORT/FLEET");
        assertThat(gateway("--fleet", "etcd://127.0.0.1:2379", "--id", "gw-1")).isEqualTo(2);
        assertThat(err.toString()).contains("names no fleet");
    }

    @Test
    void eventLoopsOutsideTheConfigsBoundsOrWithAFleetAreRejected() {
        assertThat(gateway("--config", "x.json", "--event-loops", "-1")).isEqualTo(2);
        assertThat(err.toString()).contains("--event-loops must be 0-1024 (0: one per core), not -1");
        assertThat(gateway("--config", "x.json", "--event-loops", "1025")).isEqualTo(2);
        assertThat(err.toString()).contains("not 1025");
        assertThat(gateway("--fleet", "etcd://127.0.0.1:2379/prod", "--id", "gw-1", "--event-loops", "2")).isEqualTo(2);
        assertThat(err.toString()).contains("--event-loops needs --config");
    }

    @Test
    void fleetOnlyFlagsWithoutAFleetAreRefusedNotIgnored() {
        // Refused before the config is read (so no gateway starts here, before or after the fix).
        Path file = dir.resolve("missing.json");
        assertThat(gateway("--config", file.toString(), "--id", "gw-1")).isEqualTo(2);
        assertThat(err.toString()).contains("--id needs --fleet");
        assertThat(gateway("--config", file.toString(), "--lease-ttl", "30")).isEqualTo(2);
        assertThat(err.toString()).contains("--lease-ttl needs --fleet").doesNotContain("cannot read");
    }
}
