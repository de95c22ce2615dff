package dev.switchboard.config.binding;

import dev.switchboard.config.GatewaySettings;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The top-level {@code gateway} object; each absent field takes its value from {@link GatewaySettings#DEFAULTS}. */
final class GatewaySettingsBinder implements Binder<GatewaySettings> {

    /** host:port, where host may be a bracketed IPv6 literal. */
    private static final Pattern LISTEN = Pattern.compile("(\\[[0-9A-Fa-f:.]+]|[^:\\s\\[\\]]+):(\\d{1,5})");

    @Override
    public List<String> fields() {
        return List.of("id", "listen", "eventLoops", "maxHeaderSize", "drainTimeout", "tls");
    }

    @Override
    public GatewaySettings bind(FieldReader in) {
        GatewaySettings defaults = GatewaySettings.DEFAULTS;
        String id = in.string("id");
        String listen = in.string("listen");
        if (listen != null && !isListenAddress(listen)) {
            in.problem("listen", "\"" + listen + "\" is not host:port with a port from 0 to 65535");
        }
        Duration drainTimeout = in.nonNegativeDuration("drainTimeout");
        return new GatewaySettings(id == null ? defaults.id() : id,
                listen == null ? defaults.listen() : listen,
                in.integer("eventLoops", 0, 1024, defaults.eventLoops()),
                in.integer("maxHeaderSize", 1024, 1024 * 1024, defaults.maxHeaderSize()),
                drainTimeout == null ? defaults.drainTimeout() : drainTimeout,
                in.object("tls", new ListenerTlsBinder()));
    }

    static boolean isListenAddress(String text) {
        Matcher m = LISTEN.matcher(text);
        return m.matches() && Integer.parseInt(m.group(2)) <= 65535;
    }
}
