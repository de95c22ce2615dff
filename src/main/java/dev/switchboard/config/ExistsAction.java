package dev.switchboard.config;

/** APIM's {@code exists-action} of set-header and set-query-parameter. */
public enum ExistsAction {
    /** Replace the current values (the default). */
    override,
    /** Keep the current values; set only when absent. */
    skip,
    /** Add the values after the current ones. */
    append,
    /** Remove the header or parameter. */
    delete
}
