package dev.switchboard.config;

/** APIM's {@code sessionAffinity: { sessionId: { source, name } }}: where the affinity key is read from. */
public record SessionAffinityConfig(AffinitySource source, String name) {

    /** Where the session id lives; APIM supports Cookie, we add Header. */
    public enum AffinitySource {
        Cookie,
        Header
    }
}
