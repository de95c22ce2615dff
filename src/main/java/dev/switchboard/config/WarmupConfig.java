package dev.switchboard.config;

/**
 * The gateway launch mode's pre-warm: synthetic requests through a throwaway in-process gateway before the public
 * listener binds, so the JIT has compiled the proxy path when real traffic arrives.
 *
 * @param requests how many requests to send; 0 turns the warm-up off
 * @param maxMs    the most it may delay the start, in milliseconds, whatever the request count
 */
public record WarmupConfig(int requests, int maxMs) {

    public static final int DEFAULT_REQUESTS = 20_000;
    public static final int DEFAULT_MAX_MS = 3_000;
    public static final int MAX_REQUESTS = 10_000_000;
    public static final int MAX_MAX_MS = 60_000;
    public static final WarmupConfig DEFAULTS = new WarmupConfig(DEFAULT_REQUESTS, DEFAULT_MAX_MS);

    public WarmupConfig {
        if (requests < 0 || requests > MAX_REQUESTS) {
            throw new IllegalArgumentException("requests must be 0-" + MAX_REQUESTS + ", not " + requests);
        }
        if (maxMs < 1 || maxMs > MAX_MAX_MS) {
            throw new IllegalArgumentException("maxMs must be 1-" + MAX_MAX_MS + ", not " + maxMs);
        }
    }

    public boolean enabled() {
        return requests > 0;
    }

    /** The same bound with another request count (the {@code --warmup N} flag wins over the file). */
    public WarmupConfig withRequests(int count) {
        return new WarmupConfig(count, maxMs);
    }
}
