package dev.switchboard.telemetry.server;

import dev.switchboard.gateway.Gateway;
import io.prometheus.metrics.expositionformats.ExpositionFormatWriter;
import io.prometheus.metrics.expositionformats.ExpositionFormats;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * {@code GET /metrics}: the Prometheus text format 0.0.4, or OpenMetrics 1.0 when the scraper's {@code Accept} asks
 * for {@code application/openmetrics-text} (as Prometheus does). The Prometheus Java client's writers do the
 * formatting, escaping and negotiation.
 */
final class MetricsWriter {

    private static final ExpositionFormats FORMATS = ExpositionFormats.init();

    private MetricsWriter() {
    }

    static TypedBody render(Gateway gateway, String accept) {
        ExpositionFormatWriter writer = FORMATS.findWriter(accept);
        if (!writer.isAvailable()) {
            writer = FORMATS.getPrometheusTextFormatWriter();
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream(16384);
        try {
            writer.write(body, GatewayMetrics.collect(gateway));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new TypedBody(writer.getContentType(), body.toString(StandardCharsets.UTF_8));
    }
}
