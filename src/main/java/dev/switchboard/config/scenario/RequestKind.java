package dev.switchboard.config.scenario;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One kind of client request of a scenario.
 *
 * @param method  HTTP method
 * @param path    path and optional query, starting with '/'
 * @param headers request headers (a {@code Host} header is matched against the apis' hosts)
 * @param weight  relative share of the stream (1 when a scenario has a single kind)
 */
public record RequestKind(String method, String path, Map<String, String> headers, int weight) {

    public RequestKind {
        headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
    }
}
