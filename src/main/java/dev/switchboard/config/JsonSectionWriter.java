package dev.switchboard.config;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/** Field helpers shared by the writers of config sections: absent optional values are left out. */
abstract class JsonSectionWriter {

    protected final JsonGenerator out;

    JsonSectionWriter(JsonGenerator out) {
        this.out = out;
    }

    protected final void statusRanges(String name, List<StatusCodeRange> ranges) throws IOException {
        out.writeArrayFieldStart(name);
        for (StatusCodeRange range : ranges) {
            out.writeStartObject();
            out.writeNumberField("min", range.min());
            out.writeNumberField("max", range.max());
            out.writeEndObject();
        }
        out.writeEndArray();
    }

    protected final void errorReasons(Collection<ErrorReason> reasons) throws IOException {
        out.writeArrayFieldStart("errorReasons");
        for (ErrorReason reason : reasons) {
            out.writeString(reason.name());
        }
        out.writeEndArray();
    }

    protected final void string(String name, String value) throws IOException {
        if (value != null) {
            out.writeStringField(name, value);
        }
    }

    protected final void integer(String name, Integer value) throws IOException {
        if (value != null) {
            out.writeNumberField(name, value);
        }
    }

    protected final void duration(String name, Duration value) throws IOException {
        if (value != null) {
            out.writeStringField(name, value.toString());
        }
    }

    protected final void namedValues(String name, Map<String, List<String>> values) throws IOException {
        if (values.isEmpty()) {
            return;
        }
        out.writeObjectFieldStart(name);
        for (var entry : values.entrySet()) {
            out.writeArrayFieldStart(entry.getKey());
            for (String value : entry.getValue()) {
                out.writeString(value);
            }
            out.writeEndArray();
        }
        out.writeEndObject();
    }
}
