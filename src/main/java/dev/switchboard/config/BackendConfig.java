package dev.switchboard.config;

/**
 * An APIM backend ({@code Microsoft.ApiManagement/service/backends} properties): a single URL, or a pool of
 * other backends when {@code type} is {@link BackendType#POOL}.
 *
 * @param id             the backend id (key of the {@code backends} map)
 * @param type           single or pool
 * @param url            base URL of a single backend; null for a pool
 * @param description    free text
 * @param circuitBreaker breaker rules; null when the backend has no breaker
 * @param pool           members and pool behaviour; null for a single backend
 * @param healthProbe    active health probe; null when not probed
 * @param slowStart      weight ramp after recovery; null for none
 * @param tls            certificate validation for https backends
 * @param credentials    headers and query parameters added to every request to this backend; null for none
 */
public record BackendConfig(
        String id,
        BackendType type,
        String url,
        String description,
        CircuitBreakerConfig circuitBreaker,
        PoolConfig pool,
        HealthProbeConfig healthProbe,
        SlowStartConfig slowStart,
        TlsConfig tls,
        CredentialsConfig credentials) {

    /** A backend without credentials. */
    public BackendConfig(String id, BackendType type, String url, String description, CircuitBreakerConfig circuitBreaker,
            PoolConfig pool, HealthProbeConfig healthProbe, SlowStartConfig slowStart, TlsConfig tls) {
        this(id, type, url, description, circuitBreaker, pool, healthProbe, slowStart, tls, null);
    }

    public boolean isPool() {
        return type == BackendType.POOL;
    }

    public BackendConfig withUrl(String newUrl) {
        return new BackendConfig(id, type, newUrl, description, circuitBreaker, pool, healthProbe, slowStart, tls, credentials);
    }
}
