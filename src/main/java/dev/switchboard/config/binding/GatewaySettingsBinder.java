package dev.switchboard.config.binding;

import dev.switchboard.config.GatewaySettings;
import java.time.Duration;
import java.util.List;

/** The top-level {@code gateway} object; each absent field takes its value from {@link GatewaySettings#DEFAULTS}. */
final class GatewaySettingsBinder implements Binder<GatewaySettings> {

    @Override
    public List<String> fields() {
        return List.of("id", "listen", "eventLoops", "maxHeaderSize", "drainTimeout", "tls", "region", "accessLog", "warmup");
    }

    @Override
    public GatewaySettings bind(FieldReader in) {
        GatewaySettings defaults = GatewaySettings.DEFAULTS;
        String id = in.string("id");
        String listen = in.hostPort("listen");
        Duration drainTimeout = in.nonNegativeDuration("drainTimeout");
        return new GatewaySettings(id == null ? defaults.id() : id,
                listen == null ? defaults.listen() : listen,
                in.integer("eventLoops", 0, 1024, defaults.eventLoops()),
                in.integer("maxHeaderSize", 1024, 1024 * 1024, defaults.maxHeaderSize()),
                drainTimeout == null ? defaults.drainTimeout() : drainTimeout,
                in.object("tls", new ListenerTlsBinder()),
                in.string("region"),
                in.object("accessLog", new AccessLogBinder()),
                in.object("warmup", new WarmupBinder()));
    }

}
