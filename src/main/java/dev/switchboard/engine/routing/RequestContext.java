package dev.switchboard.engine.routing;

import dev.switchboard.policy.expr.EvalContext;

/** A request as an APIM expression sees it while routing: there is no response yet. */
record RequestContext(RequestView request, String path, String region) implements EvalContext {

    @Override
    public String header(String name) {
        return request.header(name);
    }

    @Override
    public String query(String name) {
        return request.query(name);
    }

    @Override
    public String queryString() {
        String raw = request.rawQuery();
        return raw == null || raw.isEmpty() ? "" : "?" + raw;
    }

    @Override
    public String method() {
        return request.method();
    }

    @Override
    public String ipAddress() {
        return request.clientIp();
    }

    @Override
    public Integer responseStatus() {
        return null;
    }

    /** Routing sets no variables (set-variable is not translated). */
    @Override
    public Object variable(String name) {
        return null;
    }
}
