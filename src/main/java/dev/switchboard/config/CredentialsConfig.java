package dev.switchboard.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * APIM backend {@code credentials}: headers and query parameters added to every request sent to the backend, such
 * as a Functions host key. The values are secrets: {@link #toString()} names the headers and parameters only, so
 * a logged record never shows them. {@code ConfigWriter} writes them, since the file must run.
 *
 * @param header header name → values (several values become several header lines)
 * @param query  query parameter name → values
 */
public record CredentialsConfig(Map<String, List<String>> header, Map<String, List<String>> query) {

    public CredentialsConfig {
        header = copy(header);
        query = copy(query);
    }

    private static Map<String, List<String>> copy(Map<String, List<String>> map) {
        Map<String, List<String>> copy = new LinkedHashMap<>();
        map.forEach((name, values) -> copy.put(name, List.copyOf(values)));
        return Collections.unmodifiableMap(copy);
    }

    @Override
    public String toString() {
        return "CredentialsConfig[header=" + header.keySet() + ", query=" + query.keySet() + ", values redacted]";
    }
}
