package dev.switchboard.sim;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.OptionalInt;
import java.util.function.BiFunction;
import java.util.function.UnaryOperator;

/**
 * JSON form of the control endpoint. Latency travels as whole milliseconds in {@code latencyMs};
 * a patch is an object holding any subset of the behaviour fields and changes only those.
 *
 * <pre>
 * GET /_sim/behavior, and the answer to PUT|POST /_sim/behavior and POST /_sim/reset:
 * {"name":"orders-east-1",
 *  "behavior":{"status":200,"latencyMs":0,"errorRate":0.0,"errorStatus":503,"retryAfterSeconds":null,
 *              "refuseConnections":false,"hang":false,"closeAfterResponse":false},
 *  "counters":{"requests":3,"responsesByStatus":{"200":2,"503":1}}}
 * PUT /_sim/behavior {"errorRate":0.5,"retryAfterSeconds":2}  changes only those two fields
 * 400 {"error":"'status' must be an integer","field":"status"}  (no "field" when the body as a whole is bad)
 * </pre>
 */
final class SimBehaviorJson {

    private static final ObjectMapper MAPPER =
            new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private SimBehaviorJson() {
    }

    /** A field (or, with a null field, the whole body) that could not be applied. */
    static final class InvalidFieldException extends Exception {
        private final String field;

        InvalidFieldException(String field, String message) {
            super(message);
            this.field = field;
        }

        String field() {
            return field;
        }
    }

    static byte[] state(String name, SimBehavior behavior, SimCounters counters) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("name", name);
        ObjectNode b = root.putObject("behavior");
        b.put("status", behavior.status());
        b.put("latencyMs", behavior.latency().toMillis());
        b.put("errorRate", behavior.errorRate());
        b.put("errorStatus", behavior.errorStatus());
        if (behavior.retryAfterSeconds().isPresent()) {
            b.put("retryAfterSeconds", behavior.retryAfterSeconds().getAsInt());
        } else {
            b.putNull("retryAfterSeconds");
        }
        b.put("refuseConnections", behavior.refuseConnections());
        b.put("hang", behavior.hang());
        b.put("closeAfterResponse", behavior.closeAfterResponse());
        ObjectNode c = root.putObject("counters");
        c.put("requests", counters.requests());
        ObjectNode byStatus = c.putObject("responsesByStatus");
        counters.responsesByStatus().forEach((status, count) -> byStatus.put(String.valueOf(status), count));
        return bytes(root);
    }

    static byte[] error(String field, String message) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("error", message);
        if (field != null) {
            root.put("field", field);
        }
        return bytes(root);
    }

    /** Parses and validates a patch; the result changes only the fields the patch names. */
    static UnaryOperator<SimBehavior> parsePatch(byte[] body) throws InvalidFieldException {
        JsonNode root;
        try {
            root = MAPPER.readTree(body);
        } catch (IOException e) {
            String detail = e instanceof JacksonException je ? je.getOriginalMessage() : e.getMessage();
            throw new InvalidFieldException(null, "malformed JSON: " + detail);
        }
        if (root == null || !root.isObject()) {
            throw new InvalidFieldException(null, "body must be a JSON object");
        }
        UnaryOperator<SimBehavior> patch = UnaryOperator.identity();
        for (Map.Entry<String, JsonNode> field : root.properties()) {
            UnaryOperator<SimBehavior> change = fieldChange(field.getKey(), field.getValue());
            UnaryOperator<SimBehavior> before = patch;
            patch = b -> change.apply(before.apply(b));
        }
        return patch;
    }

    private static UnaryOperator<SimBehavior> fieldChange(String field, JsonNode value) throws InvalidFieldException {
        UnaryOperator<SimBehavior> change = switch (field) {
            case "status" -> withInt(field, value, SimBehavior::withStatus);
            case "latencyMs" -> {
                Duration latency = Duration.ofMillis(longValue(field, value));
                yield b -> b.withLatency(latency);
            }
            case "errorRate" -> {
                double rate = doubleValue(field, value);
                yield b -> b.withErrorRate(rate);
            }
            case "errorStatus" -> withInt(field, value, SimBehavior::withErrorStatus);
            case "retryAfterSeconds" -> {
                OptionalInt seconds = value.isNull() ? OptionalInt.empty() : OptionalInt.of(intValue(field, value));
                yield b -> b.withRetryAfterSeconds(seconds);
            }
            case "refuseConnections" -> withBoolean(field, value, SimBehavior::withRefuseConnections);
            case "hang" -> withBoolean(field, value, SimBehavior::withHang);
            case "closeAfterResponse" -> withBoolean(field, value, SimBehavior::withCloseAfterResponse);
            default -> throw new InvalidFieldException(field, "unknown field '" + field + "'");
        };
        // Range checks live in SimBehavior's constructor; each field is checked on its own, so defaults will do.
        try {
            change.apply(SimBehavior.defaults());
        } catch (IllegalArgumentException e) {
            throw new InvalidFieldException(field, e.getMessage());
        }
        return change;
    }

    private static UnaryOperator<SimBehavior> withInt(
            String field, JsonNode value, BiFunction<SimBehavior, Integer, SimBehavior> setter) throws InvalidFieldException {
        int v = intValue(field, value);
        return b -> setter.apply(b, v);
    }

    private static UnaryOperator<SimBehavior> withBoolean(
            String field, JsonNode value, BiFunction<SimBehavior, Boolean, SimBehavior> setter) throws InvalidFieldException {
        boolean v = bool(field, value);
        return b -> setter.apply(b, v);
    }

    private static int intValue(String field, JsonNode value) throws InvalidFieldException {
        if (!value.isIntegralNumber() || !value.canConvertToInt()) {
            throw new InvalidFieldException(field, "'" + field + "' must be an integer");
        }
        return value.intValue();
    }

    private static long longValue(String field, JsonNode value) throws InvalidFieldException {
        if (!value.isIntegralNumber() || !value.canConvertToLong()) {
            throw new InvalidFieldException(field, "'" + field + "' must be an integer");
        }
        return value.longValue();
    }

    private static double doubleValue(String field, JsonNode value) throws InvalidFieldException {
        if (!value.isNumber()) {
            throw new InvalidFieldException(field, "'" + field + "' must be a number");
        }
        return value.doubleValue();
    }

    private static boolean bool(String field, JsonNode value) throws InvalidFieldException {
        if (!value.isBoolean()) {
            throw new InvalidFieldException(field, "'" + field + "' must be true or false");
        }
        return value.booleanValue();
    }

    private static byte[] bytes(JsonNode node) {
        try {
            return MAPPER.writeValueAsBytes(node);
        } catch (JacksonException e) {
            throw new IllegalStateException("cannot serialise a tree node", e);
        }
    }
}
