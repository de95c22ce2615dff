package dev.switchboard.config.binding;

import dev.switchboard.config.AccessLogConfig;
import dev.switchboard.config.AccessLogConfig.Format;
import java.util.List;

/** {@code gateway.accessLog}: path is required ({@code -} for standard output); format json by default. */
final class AccessLogBinder implements Binder<AccessLogConfig> {

    @Override
    public List<String> fields() {
        return List.of("path", "format", "queue");
    }

    @Override
    public AccessLogConfig bind(FieldReader in) {
        String path = in.requiredString("path");
        if (path != null && path.isBlank()) {
            in.problem("path", "must name a file, or \"-\" for standard output");
        }
        Format format = in.choice("format", List.of(Format.values()), Format::jsonName);
        return new AccessLogConfig(path, format == null ? Format.JSON : format,
                in.integer("queue", 1, 1_000_000, AccessLogConfig.DEFAULT_QUEUE));
    }
}
