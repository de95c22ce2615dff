package dev.switchboard.engine.routing;

/** What routing needs to see of a request; the gateway adapts its HTTP request to this. */
public interface RequestView {

    /** Host header (a ":port" suffix is ignored). */
    String host();

    /** Path without the query, starting with '/'. */
    String path();

    /** First value of the header, or null when absent. */
    String header(String name);

    /** First value of the query parameter, or null when absent. */
    String query(String name);

    /** Raw query string without '?', or null; only expression conditions read it. */
    default String rawQuery() {
        return null;
    }

    /** Request method, or null when this view does not know it; only expression conditions read it. */
    default String method() {
        return null;
    }

    /** The client's address, or null when this view does not know it; only expression conditions read it. */
    default String clientIp() {
        return null;
    }
}
