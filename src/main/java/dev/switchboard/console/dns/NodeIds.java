package dev.switchboard.console.dns;

import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Node ids built from names (tests and stylesheets look nodes up by them): only letters, digits, '-' and '_'. */
final class NodeIds {

    private NodeIds() {
    }

    /** e.g. ("dns-failover", "api.orders.test", "west") gives "dns-failover-api-orders-test-west". */
    static String of(String... parts) {
        return Stream.of(parts).map(p -> p.replaceAll("[^A-Za-z0-9_-]", "-")).collect(Collectors.joining("-"));
    }
}
