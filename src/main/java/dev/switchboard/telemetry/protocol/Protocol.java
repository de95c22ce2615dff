package dev.switchboard.telemetry.protocol;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/** Constants of the telemetry stream protocol (docs/telemetry.md) and the JSON mapper both ends use. */
public final class Protocol {

    /** Protocol version, the {@code v} of every message; bumped on incompatible changes. */
    public static final int VERSION = 1;

    /** Path of the WebSocket endpoint on the admin listener. */
    public static final String PATH = "/telemetry";

    /** Unknown fields are ignored so an older console keeps working against a newer gateway. */
    public static final ObjectMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .build();

    /** Message types, the {@code type} field. */
    public static final class Types {
        public static final String SNAPSHOT = "snapshot";
        public static final String STATE = "state";
        public static final String STATS = "stats";
        public static final String ACK = "ack";
        public static final String ERROR = "error";
        public static final String RESYNC = "resync";

        private Types() {
        }
    }

    /** WebSocket close codes the gateway uses (4000-4999 is the application range). */
    public static final class CloseCodes {
        /** Policy violation: too many bad messages in a row. */
        public static final int POLICY = 1008;
        /** The consumer fell too far behind. */
        public static final int TOO_SLOW = 4008;
        /** The gateway is shutting down. */
        public static final int GOING_AWAY = 1001;

        private CloseCodes() {
        }
    }

    private Protocol() {
    }
}
