package dev.switchboard.apim;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Backends that policies name by URL ({@code set-backend-service base-url}, an api's {@code serviceUrl}): each URL
 * becomes one backend, named after its host, reused by every policy that names the same URL.
 */
final class ImplicitBackends {

    private final Set<String> taken;
    private final Map<String, String> idByUrl = new LinkedHashMap<>();
    private final Map<String, SourceRef> sourceById = new LinkedHashMap<>();

    /** @param taken ids of the backends read from the input, which implicit ones must not reuse */
    ImplicitBackends(Set<String> taken) {
        this.taken = taken;
    }

    /** The backend id for {@code url}, creating it on first use; {@code source} is where the URL is named. */
    String idFor(String url, SourceRef source) {
        String chosen = idByUrl.computeIfAbsent(url, u -> {
            String host;
            try {
                host = URI.create(u).getHost();
            } catch (IllegalArgumentException e) {
                host = null;
            }
            String base = host == null ? "backend" : host.replace('.', '-');
            String id = base;
            for (int n = 2; taken.contains(id) || idByUrl.containsValue(id); n++) {
                id = base + "-" + n;
            }
            return id;
        });
        sourceById.putIfAbsent(chosen, source);
        return chosen;
    }

    /** Where the URL behind backend {@code id} was first named (a base-url attribute, an api's serviceUrl). */
    SourceRef source(String id) {
        return sourceById.get(id);
    }

    /** URL → backend id, in first-use order. */
    Map<String, String> all() {
        return idByUrl;
    }
}
