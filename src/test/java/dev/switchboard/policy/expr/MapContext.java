package dev.switchboard.policy.expr;

import java.util.Map;

/** An {@link EvalContext} from plain values, for expression tests. */
record MapContext(Map<String, String> headers, Map<String, String> query, String path, String method, String ip,
        Integer status, String region, Map<String, Object> variables) implements EvalContext {

    static MapContext request(Map<String, String> headers) {
        return new MapContext(headers, Map.of("version", "2014-03"), "/orders/7", "POST", "10.0.0.1", null, "westeurope",
                Map.of("backendUrl", "http://b"));
    }

    MapContext withStatus(Integer newStatus) {
        return new MapContext(headers, query, path, method, ip, newStatus, region, variables);
    }

    @Override
    public String header(String name) {
        return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name)).map(Map.Entry::getValue).findFirst().orElse(null);
    }

    @Override
    public String query(String name) {
        return query.get(name);
    }

    @Override
    public String queryString() {
        return "?version=2014-03";
    }

    @Override
    public String ipAddress() {
        return ip;
    }

    @Override
    public Integer responseStatus() {
        return status;
    }

    @Override
    public Object variable(String name) {
        return variables.get(name);
    }
}
