package dev.switchboard.config;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;

/** The {@code notifications} section in canonical form, for {@link ConfigWriter} (which is large enough already). */
final class NotificationsWriter {

    private NotificationsWriter() {
    }

    static void write(JsonGenerator out, NotificationsConfig notifications) throws IOException {
        out.writeObjectFieldStart("notifications");
        out.writeArrayFieldStart("webhooks");
        for (NotificationsConfig.Webhook w : notifications.webhooks()) {
            out.writeStartObject();
            out.writeStringField("name", w.name());
            out.writeStringField("url", w.url());
            out.writeArrayFieldStart("events");
            for (NotificationKind kind : w.events()) {
                out.writeString(kind.jsonName());
            }
            out.writeEndArray();
            if (w.secret() != null) {
                out.writeStringField("secret", w.secret());
            }
            out.writeStringField("timeout", w.timeout().toString());
            out.writeNumberField("retries", w.retries());
            out.writeStringField("backoff", w.backoff().toString());
            out.writeNumberField("queueSize", w.queueSize());
            out.writeEndObject();
        }
        out.writeEndArray();
        out.writeEndObject();
    }
}
