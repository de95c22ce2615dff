package dev.switchboard.config;

import java.util.Locale;

/** Traffic Manager's routing methods that Switchboard answers with (Performance and Subnet are not modelled). */
public enum RoutingMethod {
    /** The best-priority online endpoint. */
    PRIORITY,
    /** One online endpoint, drawn per query in proportion to weight. */
    WEIGHTED,
    /** The endpoint of the region the client's subnet maps to. */
    GEOGRAPHIC,
    /** Every online endpoint (up to {@code maxReturn}); IP targets only. */
    MULTIVALUE;

    /** The spelling in config files. */
    public String jsonName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
