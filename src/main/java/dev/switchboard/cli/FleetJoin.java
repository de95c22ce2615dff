package dev.switchboard.cli;

import dev.switchboard.config.ConfigLoader;
import dev.switchboard.config.ConfigProblem;
import dev.switchboard.config.ConfigResult;
import dev.switchboard.config.GatewayConfig;
import dev.switchboard.fleet.Etcd;
import dev.switchboard.fleet.EtcdUnavailableException;
import dev.switchboard.fleet.FleetAddress;
import dev.switchboard.fleet.FleetKeys;
import dev.switchboard.fleet.FleetStore;
import dev.switchboard.fleet.StoredConfig;
import io.etcd.jetcd.Client;
import java.io.PrintWriter;
import java.time.Clock;

/**
 * What a fleet gateway needs before it can listen: its fleet's etcd and the fleet's current config, valid. Either both,
 * or the exit code after saying what is wrong.
 *
 * @param client   connected client (null when joining failed)
 * @param stored   the fleet's config as read
 * @param config   {@code stored} parsed
 * @param exitCode 0, {@link ConfigFile#INVALID} or {@link ConfigFile#UNREADABLE}
 */
record FleetJoin(FleetAddress address, Client client, StoredConfig stored, GatewayConfig config, int exitCode) {

    static FleetJoin connect(String url, PrintWriter err) {
        FleetAddress address;
        try {
            address = FleetAddress.parse(url);
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            return failed(ConfigFile.UNREADABLE);
        }
        Client client;
        try {
            client = Etcd.connectChecked(address);
        } catch (EtcdUnavailableException e) {
            err.println("cannot reach the fleet's etcd at " + address + ": " + e.getMessage());
            return failed(ConfigFile.UNREADABLE);
        }
        try {
            StoredConfig stored = new FleetStore(client, new FleetKeys(address.fleet()), Clock.systemUTC()).current();
            if (stored == null) {
                err.println("fleet " + address + " has no config yet; push one with: switchboard fleet --etcd " + address + " push FILE");
                client.close();
                return failed(ConfigFile.UNREADABLE);
            }
            return switch (ConfigLoader.parse(stored.json())) {
                case ConfigResult.Valid(GatewayConfig config) -> new FleetJoin(address, client, stored, config, 0);
                case ConfigResult.Invalid(var problems) -> {
                    for (ConfigProblem p : problems) {
                        err.println(address + "@" + stored.revision() + ":" + p.line() + ":" + p.column() + ": " + p.path() + ": " + p.message());
                    }
                    client.close();
                    yield failed(ConfigFile.INVALID);
                }
            };
        } catch (EtcdUnavailableException e) {
            err.println("cannot reach the fleet's etcd at " + address + ": " + e.getMessage());
            client.close();
            return failed(ConfigFile.UNREADABLE);
        }
    }

    private static FleetJoin failed(int exitCode) {
        return new FleetJoin(null, null, null, null, exitCode);
    }

    boolean joined() {
        return client != null;
    }
}
