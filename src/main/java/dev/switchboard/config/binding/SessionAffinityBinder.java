package dev.switchboard.config.binding;

import dev.switchboard.config.SessionAffinityConfig;
import dev.switchboard.config.SessionAffinityConfig.AffinitySource;
import java.util.List;

/** APIM's {@code sessionAffinity: {sessionId: {source, name}}}; the wrapper object carries nothing else. */
final class SessionAffinityBinder implements Binder<SessionAffinityConfig> {

    @Override
    public List<String> fields() {
        return List.of("sessionId");
    }

    @Override
    public SessionAffinityConfig bind(FieldReader in) {
        return in.requiredObject("sessionId", new SessionIdBinder());
    }

    private static final class SessionIdBinder implements Binder<SessionAffinityConfig> {

        @Override
        public List<String> fields() {
            return List.of("source", "name");
        }

        @Override
        public SessionAffinityConfig bind(FieldReader in) {
            AffinitySource source = in.requiredChoice("source", List.of(AffinitySource.values()), AffinitySource::name);
            return new SessionAffinityConfig(source, in.requiredString("name"));
        }
    }
}
