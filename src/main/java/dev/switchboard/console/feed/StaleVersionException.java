package dev.switchboard.console.feed;

/** The gateway's config changed since the console read it; the edit was refused so nobody's change is lost. */
public final class StaleVersionException extends RuntimeException {

    public StaleVersionException(String gatewayId, long expected, long actual) {
        super("gateway '" + gatewayId + "' is at version " + actual + ", the edit was based on " + expected
                + ": reload and apply again");
    }
}
