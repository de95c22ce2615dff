package dev.switchboard.config.binding;

import dev.switchboard.config.WarmupConfig;
import java.util.List;

/** {@code gateway.warmup: {requests, maxMs}}; each absent field takes its default. */
final class WarmupBinder implements Binder<WarmupConfig> {

    @Override
    public List<String> fields() {
        return List.of("requests", "maxMs");
    }

    @Override
    public WarmupConfig bind(FieldReader in) {
        return new WarmupConfig(in.integer("requests", 0, WarmupConfig.MAX_REQUESTS, WarmupConfig.DEFAULT_REQUESTS),
                in.integer("maxMs", 1, WarmupConfig.MAX_MAX_MS, WarmupConfig.DEFAULT_MAX_MS));
    }
}
