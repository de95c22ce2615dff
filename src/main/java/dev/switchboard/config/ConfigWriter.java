package dev.switchboard.config;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes a {@link GatewayConfig} back as config JSON in canonical form: the loader's schema, every resolved value
 * spelled out (defaults included), keys in a fixed order, absent optional parts left out. Loading the output
 * gives the same config.
 */
public final class ConfigWriter extends JsonSectionWriter {

    private static final JsonFactory FACTORY = JsonFactory.builder().build();

    private ConfigWriter(JsonGenerator out) {
        super(out);
    }

    /** Indented canonical JSON, for files people read. */
    public static String toJson(GatewayConfig config) {
        return render(config, true);
    }

    /** Compact canonical JSON; the input of {@link ConfigHash}. */
    public static String toCompactJson(GatewayConfig config) {
        return render(config, false);
    }

    public static void write(GatewayConfig config, Path file) throws IOException {
        Files.writeString(file, toJson(config), StandardCharsets.UTF_8);
    }

    private static String render(GatewayConfig config, boolean indent) {
        StringWriter text = new StringWriter();
        try (JsonGenerator generator = FACTORY.createGenerator(text)) {
            if (indent) {
                generator.useDefaultPrettyPrinter();
            }
            new ConfigWriter(generator).gatewayConfig(config);
        } catch (IOException e) {
            throw new UncheckedIOException("writing to a string cannot fail", e);
        }
        return indent ? text + "\n" : text.toString();
    }

    private void gatewayConfig(GatewayConfig config) throws IOException {
        out.writeStartObject();
        GatewaySettings gateway = config.gateway();
        out.writeObjectFieldStart("gateway");
        out.writeStringField("id", gateway.id());
        out.writeStringField("listen", gateway.listen());
        out.writeNumberField("eventLoops", gateway.eventLoops());
        out.writeNumberField("maxHeaderSize", gateway.maxHeaderSize());
        duration("drainTimeout", gateway.drainTimeout());
        if (gateway.tls() != null) {
            out.writeObjectFieldStart("tls");
            out.writeStringField("keystore", gateway.tls().keystore());
            out.writeStringField("password", gateway.tls().password());
            if (gateway.tls().alias() != null) {
                out.writeStringField("alias", gateway.tls().alias());
            }
            out.writeEndObject();
        }
        if (gateway.region() != null) {
            out.writeStringField("region", gateway.region());
        }
        if (gateway.accessLog() != null) {
            out.writeObjectFieldStart("accessLog");
            out.writeStringField("path", gateway.accessLog().path());
            out.writeStringField("format", gateway.accessLog().format().jsonName());
            out.writeNumberField("queue", gateway.accessLog().queue());
            out.writeEndObject();
        }
        if (gateway.warmup() != null) {
            out.writeObjectFieldStart("warmup");
            out.writeNumberField("requests", gateway.warmup().requests());
            out.writeNumberField("maxMs", gateway.warmup().maxMs());
            out.writeEndObject();
        }
        out.writeEndObject();
        out.writeBooleanField("diagnostics", config.diagnostics());
        out.writeObjectFieldStart("backends");
        BackendWriter backends = new BackendWriter(out);
        for (BackendConfig backend : config.backends().values()) {
            out.writeFieldName(backend.id());
            backends.backend(backend);
        }
        out.writeEndObject();
        out.writeArrayFieldStart("apis");
        ApiWriter apis = new ApiWriter(out);
        for (ApiConfig api : config.apis()) {
            apis.api(api);
        }
        out.writeEndArray();
        if (config.admin() != null) {
            admin(config.admin());
        }
        if (!config.trafficProfiles().isEmpty()) {
            out.writeArrayFieldStart("trafficProfiles");
            for (TrafficProfileConfig profile : config.trafficProfiles()) {
                trafficProfile(profile);
            }
            out.writeEndArray();
        }
        if (config.dns() != null) {
            out.writeObjectFieldStart("dns");
            out.writeStringField("listen", config.dns().listen());
            string("zone", config.dns().zone());
            out.writeEndObject();
        }
        if (config.notifications() != null) {
            NotificationsWriter.write(out, config.notifications());
        }
        out.writeEndObject();
    }

    private void trafficProfile(TrafficProfileConfig profile) throws IOException {
        out.writeStartObject();
        out.writeStringField("name", profile.name());
        out.writeBooleanField("enabled", profile.enabled());
        out.writeNumberField("ttl", profile.ttl());
        out.writeStringField("routing", profile.routing().jsonName());
        out.writeArrayFieldStart("endpoints");
        for (TrafficEndpoint endpoint : profile.endpoints()) {
            out.writeStartObject();
            out.writeStringField("name", endpoint.name());
            out.writeStringField("target", endpoint.target());
            out.writeNumberField("priority", endpoint.priority());
            out.writeNumberField("weight", endpoint.weight());
            out.writeBooleanField("enabled", endpoint.enabled());
            string("region", endpoint.region());
            out.writeEndObject();
        }
        out.writeEndArray();
        if (profile.monitor() != null) {
            EndpointMonitorConfig monitor = profile.monitor();
            out.writeObjectFieldStart("monitor");
            out.writeStringField("protocol", monitor.protocol().name());
            out.writeNumberField("port", monitor.port());
            string("path", monitor.path());
            duration("interval", monitor.interval());
            duration("timeout", monitor.timeout());
            out.writeNumberField("toleratedFailures", monitor.toleratedFailures());
            if (monitor.protocol().isHttp()) {
                statusRanges("expectedStatusCodeRanges", monitor.expectedStatusCodeRanges());
            }
            out.writeEndObject();
        }
        if (!profile.regions().isEmpty()) {
            out.writeObjectFieldStart("regions");
            for (var region : profile.regions().entrySet()) {
                out.writeArrayFieldStart(region.getKey());
                for (String subnet : region.getValue()) {
                    out.writeString(subnet);
                }
                out.writeEndArray();
            }
            out.writeEndObject();
        }
        integer("maxReturn", profile.maxReturn());
        out.writeEndObject();
    }

    private void admin(AdminConfig admin) throws IOException {
        out.writeObjectFieldStart("admin");
        out.writeStringField("listen", admin.listen());
        out.writeArrayFieldStart("tokens");
        for (AdminConfig.AdminToken token : admin.tokens()) {
            out.writeStartObject();
            out.writeStringField("name", token.name());
            out.writeStringField("token", token.token());
            out.writeStringField("role", token.role().jsonName());
            out.writeEndObject();
        }
        out.writeEndArray();
        out.writeArrayFieldStart("allowedOrigins");
        for (String origin : admin.allowedOrigins()) {
            out.writeString(origin);
        }
        out.writeEndArray();
        duration("statsPeriod", admin.statsPeriod());
        string("auditLog", admin.auditLog());
        if (admin.tls() != null) {
            out.writeObjectFieldStart("tls");
            out.writeStringField("keystore", admin.tls().keystore());
            out.writeStringField("password", admin.tls().password());
            out.writeEndObject();
        }
        out.writeEndObject();
    }
}
