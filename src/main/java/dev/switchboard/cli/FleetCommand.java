package dev.switchboard.cli;

import dev.switchboard.config.ConfigProblem;
import dev.switchboard.fleet.Etcd;
import dev.switchboard.fleet.EtcdUnavailableException;
import dev.switchboard.fleet.FleetAddress;
import dev.switchboard.fleet.FleetJson;
import dev.switchboard.fleet.FleetKeys;
import dev.switchboard.fleet.FleetRoster;
import dev.switchboard.fleet.FleetStore;
import dev.switchboard.fleet.GatewayStatus;
import dev.switchboard.fleet.HistoryEntry;
import dev.switchboard.fleet.PushResult;
import dev.switchboard.fleet.StoredConfig;
import io.etcd.jetcd.Client;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/** {@code switchboard fleet --etcd etcd://HOST:PORT/FLEET push|status|history|diff|rollback}: operating a fleet's config. */
@Command(name = "fleet", mixinStandardHelpOptions = true,
        description = "Operate a fleet of gateways in etcd: push and roll back its config, read its history and its gateways.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:done", "1:the config has problems", "2:etcd, the file or a revision cannot be read", "3:refused: the push was based on a stale revision"})
public final class FleetCommand {

    static final int STALE = 3;

    @Option(names = "--etcd", required = true, scope = ScopeType.INHERIT, paramLabel = "etcd://HOST:PORT[,HOST:PORT...]/FLEET",
            description = "the fleet")
    private String etcd;

    @Option(names = "--operator", scope = ScopeType.INHERIT, paramLabel = "NAME", defaultValue = "${env:USER:-unknown}",
            description = "who makes the change, for the audit record (default: $USER)")
    private String operator;

    @Spec
    private CommandSpec spec;

    @Command(name = "push", description = "Validate FILE, then write it as the fleet's config in one transaction guarded by the revision.")
    int push(@Parameters(paramLabel = "FILE") Path file,
             @Option(names = "--expect-revision", paramLabel = "N", description = "refuse unless the fleet's config is still at revision N") Long expect) {
        String json;
        try {
            json = Files.readString(file);
        } catch (IOException e) {
            err().println("cannot read " + file + ": " + e.getMessage());
            return ConfigFile.UNREADABLE;
        }
        return withStore(store -> report(store.push(json, expect, operator), file.toString()));
    }

    @Command(name = "rollback", description = "Write the config of revision REV again, as a new revision.")
    int rollback(@Parameters(paramLabel = "REV") long revision,
                 @Option(names = "--expect-revision", paramLabel = "N", description = "refuse unless the fleet's config is still at revision N") Long expect) {
        return withStore(store -> report(store.rollback(revision, operator, expect), "revision " + revision));
    }

    @Command(name = "history", description = "Every push and rollback: revision, time, operator, action and hash.")
    int history() {
        return withStore(store -> {
            out().printf("%-9s %-25s %-12s %-20s %s%n", "REVISION", "TIME", "OPERATOR", "ACTION", "HASH");
            for (HistoryEntry e : store.history()) {
                out().printf("%-9d %-25s %-12s %-20s %s%n", e.revision(), e.time(), e.operator(), e.action(), e.hash());
            }
            return 0;
        });
    }

    @Command(name = "diff", description = "The config at REV against REV2, or against the current config.")
    int diff(@Parameters(paramLabel = "REV") long from, @Parameters(paramLabel = "REV2", arity = "0..1") Long to) {
        return withStore(store -> {
            store.diff(from, to).forEach(out()::println);
            return 0;
        });
    }

    @Command(name = "status", description = "A row per gateway: region, alive, applied version, revision and hash, last refusal.")
    int status(@Option(names = "--json", description = "a JSON list of gateways") boolean json) {
        return withClient(client -> {
            FleetKeys keys = new FleetKeys(FleetAddress.parse(etcd).fleet());
            List<GatewayStatus> gateways = new FleetRoster(client, keys).gateways();
            if (json) {
                out().println(FleetJson.pretty(gateways));
                return 0;
            }
            StoredConfig current = new FleetStore(client, keys, Clock.systemUTC()).current();
            out().println(current == null ? "no config pushed yet"
                    : "fleet config: revision " + current.revision() + ", version " + current.version() + ", hash " + current.hash());
            new StatusTable(out()).print(gateways, current);
            return 0;
        });
    }

    private int report(PushResult result, String what) {
        switch (result) {
            case PushResult.Written w -> {
                out().println("wrote " + what + " as revision " + w.revision() + " (version " + w.version() + ", hash " + w.hash() + ") by " + operator);
                return 0;
            }
            case PushResult.Invalid invalid -> {
                for (ConfigProblem p : invalid.problems()) {
                    err().println(what + ":" + p.line() + ":" + p.column() + ": " + p.path() + ": " + p.message());
                }
                err().println("refused: nothing was written");
                return ConfigFile.INVALID;
            }
            case PushResult.Stale stale -> {
                err().println("refused: based on revision " + stale.expected() + ", but the fleet's config is at revision "
                        + (stale.current() == null ? 0 : stale.current().revision()) + "; changes since:");
                stale.since().forEach(e -> err().printf("  revision %d  %s  %s  %s  %s%n", e.revision(), e.time(), e.operator(), e.action(), e.hash()));
                err().println("what changed (revision " + stale.expected() + " -> current):");
                stale.diff().forEach(line -> err().println("  " + line));
                return STALE;
            }
        }
    }

    private int withStore(Function<FleetStore, Integer> action) {
        return withClient(client -> action.apply(new FleetStore(client, new FleetKeys(FleetAddress.parse(etcd).fleet()), Clock.systemUTC())));
    }

    private int withClient(Function<Client, Integer> action) {
        FleetAddress address;
        try {
            address = FleetAddress.parse(etcd);
        } catch (IllegalArgumentException e) {
            err().println(e.getMessage());
            return ConfigFile.UNREADABLE;
        }
        try (Client client = Etcd.connectChecked(address)) {
            return action.apply(client);
        } catch (EtcdUnavailableException e) {
            err().println("cannot reach the fleet's etcd at " + address + ": " + e.getMessage());
            return ConfigFile.UNREADABLE;
        } catch (IllegalArgumentException e) {
            err().println(e.getMessage());
            return ConfigFile.UNREADABLE;
        }
    }

    private PrintWriter out() {
        return spec.commandLine().getOut();
    }

    private PrintWriter err() {
        return spec.commandLine().getErr();
    }
}
