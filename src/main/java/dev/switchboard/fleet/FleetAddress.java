package dev.switchboard.fleet;

import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Where a fleet lives: {@code etcd://HOST:PORT[,HOST:PORT...]/FLEET}, the etcd cluster's client endpoints and the
 * fleet's name, under which every key of the fleet is kept ({@link FleetKeys}).
 */
public record FleetAddress(List<String> endpoints, String fleet) {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    private static final Pattern HOST_PORT = Pattern.compile("[A-Za-z0-9.\\-\\[\\]:]+:\\d{1,5}");

    public FleetAddress {
        endpoints = List.copyOf(endpoints);
    }

    /**
     * @throws IllegalArgumentException saying what is wrong, for a CLI to print
     */
    public static FleetAddress parse(String url) {
        String prefix = "etcd://";
        if (url == null || !url.startsWith(prefix)) {
            throw new IllegalArgumentException("'" + url + "' is not a fleet address; expected etcd://HOST:PORT[,HOST:PORT...]/FLEET");
        }
        String rest = url.substring(prefix.length());
        int slash = rest.indexOf('/');
        if (slash < 0 || slash == rest.length() - 1) {
            throw new IllegalArgumentException("'" + url + "' names no fleet; expected etcd://HOST:PORT[,HOST:PORT...]/FLEET");
        }
        String fleet = rest.substring(slash + 1);
        if (!NAME.matcher(fleet).matches()) {
            throw new IllegalArgumentException("fleet name '" + fleet + "' must be 1-64 letters, digits, '.', '_' or '-'");
        }
        List<String> endpoints = Arrays.stream(rest.substring(0, slash).split(",")).map(String::trim).toList();
        for (String endpoint : endpoints) {
            if (!HOST_PORT.matcher(endpoint).matches()) {
                throw new IllegalArgumentException("'" + endpoint + "' in '" + url + "' is not HOST:PORT");
            }
        }
        return new FleetAddress(endpoints, fleet);
    }

    /** The endpoints as the etcd client takes them. */
    public URI[] clientUris() {
        return endpoints.stream().map(e -> URI.create("http://" + e)).toArray(URI[]::new);
    }

    @Override
    public String toString() {
        return "etcd://" + String.join(",", endpoints) + "/" + fleet;
    }
}
