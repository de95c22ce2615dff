package dev.switchboard.engine.retry;

import dev.switchboard.policy.expr.EvalContext;

/**
 * An attempt's outcome as a retry condition sees it: {@code context.Response} with its status, or null when the
 * attempt failed without a response. Retry conditions are checked to read nothing else, so the request members
 * are never asked for.
 */
record ResponseContext(Integer responseStatus) implements EvalContext {

    @Override
    public String header(String name) {
        throw unreadable();
    }

    @Override
    public String query(String name) {
        throw unreadable();
    }

    @Override
    public String path() {
        throw unreadable();
    }

    @Override
    public String queryString() {
        throw unreadable();
    }

    @Override
    public String method() {
        throw unreadable();
    }

    @Override
    public String ipAddress() {
        throw unreadable();
    }

    @Override
    public String region() {
        throw unreadable();
    }

    @Override
    public Object variable(String name) {
        throw unreadable();
    }

    private static IllegalStateException unreadable() {
        return new IllegalStateException("a retry condition reads context.Response only (checked when the config loads)");
    }
}
