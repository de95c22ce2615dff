package dev.switchboard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchboard.testing.EtcdServer;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code switchboard fleet ...} against a real etcd: the operator's commands, their output and exit codes. */
class FleetCommandTest {

    @RegisterExtension
    static final EtcdServer ETCD = EtcdServer.perClass();

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int fleet(String... args) {
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
        CommandLine cli = new CommandLine(new Main());
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        String[] all = new String[args.length + 3];
        all[0] = "fleet";
        all[1] = "--etcd";
        all[2] = ETCD.fleetUrl("cli");
        System.arraycopy(args, 0, all, 3, args.length);
        return cli.execute(all);
    }

    private Path file(String name, String backendId) throws Exception {
        return Files.writeString(dir.resolve(name), """
                { "backends": { "a": { "url": "http://127.0.0.1:9001" }, "b": { "url": "http://127.0.0.1:9002" } },
                  "apis": [ { "name": "x", "path": "/", "backendId": "%s" } ] }
                """.formatted(backendId));
    }

    @Test
    void pushHistoryDiffRollbackAndStatusWithTheOperatorsName() throws Exception {
        assertThat(fleet("push", file("a.json", "a").toString(), "--operator", "alice")).as(err.toString()).isEqualTo(0);
        long first = revisionIn(out.toString());
        assertThat(fleet("push", file("b.json", "b").toString(), "--operator", "bob", "--expect-revision", Long.toString(first))).isEqualTo(0);
        long second = revisionIn(out.toString());

        assertThat(fleet("push", file("c.json", "a").toString(), "--expect-revision", Long.toString(first))).as(err.toString()).isEqualTo(3);
        assertThat(err.toString()).contains("refused: based on revision " + first + ", but the fleet's config is at revision " + second)
                .contains("bob").contains("-   \"apis\": [ { \"name\": \"x\", \"path\": \"/\", \"backendId\": \"a\" } ] }");

        assertThat(fleet("push", file("bad.json", "nope").toString())).isEqualTo(1);
        assertThat(err.toString()).contains("bad.json:2:").contains("apis[0].backendId").contains("nothing was written");

        assertThat(fleet("diff", Long.toString(first))).isEqualTo(0);
        assertThat(out.toString()).contains("- ").contains("\"backendId\": \"a\"").contains("+ ").contains("\"backendId\": \"b\"");

        assertThat(fleet("rollback", Long.toString(first), "--operator", "carol")).isEqualTo(0);
        long third = revisionIn(out.toString());
        assertThat(fleet("history")).isEqualTo(0);
        assertThat(out.toString().lines().skip(1).toList()).hasSize(3)
                .anySatisfy(l -> assertThat(l).startsWith(first + " ").contains("alice").contains("push"))
                .anySatisfy(l -> assertThat(l).startsWith(second + " ").contains("bob"))
                .anySatisfy(l -> assertThat(l).startsWith(third + " ").contains("carol").contains("rollback to " + first));

        assertThat(fleet("rollback", "99999")).isEqualTo(2);
        assertThat(err.toString()).contains("no config revision 99999");

        assertThat(fleet("status", "--json")).isEqualTo(0);
        JsonNode gateways = new ObjectMapper().readTree(out.toString());
        assertThat(gateways.isArray()).isTrue();
        assertThat(fleet("status")).isEqualTo(0);
        assertThat(out.toString()).contains("fleet config: revision " + third).contains("ID").contains("ALIVE").contains("LAST REFUSAL");
    }

    @Test
    void aBadAddressSaysWhatIsWrong() {
        CommandLine cli = new CommandLine(new Main());
        cli.setErr(new PrintWriter(err, true));
        assertThat(cli.execute("fleet", "--etcd", "http://127.0.0.1:2379", "history")).isEqualTo(2);
        assertThat(err.toString()).contains("is not a fleet address; expected etcd://HOST:PORT[,HOST:PORT...]/FLEET");
    }

    private static long revisionIn(String text) {
        var m = java.util.regex.Pattern.compile("as revision (\\d+)").matcher(text);
        assertThat(m.find()).as(text).isTrue();
        return Long.parseLong(m.group(1));
    }
}
