package dev.switchboard.config.binding;

import dev.switchboard.config.GatewayConfig;
import dev.switchboard.config.HostPort;
import dev.switchboard.config.json.JsonPaths;
import dev.switchboard.config.json.JsonTree;
import dev.switchboard.config.json.JsonTree.JsonArray;
import dev.switchboard.config.json.JsonTree.JsonBoolean;
import dev.switchboard.config.json.JsonTree.JsonNull;
import dev.switchboard.config.json.JsonTree.JsonNumber;
import dev.switchboard.config.json.JsonTree.JsonObject;
import dev.switchboard.config.json.JsonTree.JsonString;
import dev.switchboard.config.json.JsonTree.Member;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Typed access to the fields of one JSON object. Every read reports its own problem (wrong type, out of range,
 * malformed) at the value's location and returns null, so binders read all fields and report all problems.
 * A JSON {@code null} counts as absent, as in APIM where weight and priority may be null.
 */
final class FieldReader {

    private final JsonObject object;
    private final String path;
    private final BindContext context;

    private FieldReader(JsonObject object, String path, BindContext context) {
        this.object = object;
        this.path = path;
        this.context = context;
    }

    /** Opens {@code value} as an object with the given known fields, reporting unknown ones; null if not an object. */
    static FieldReader open(JsonTree value, String path, List<String> known, BindContext context) {
        if (!(value instanceof JsonObject object)) {
            context.problem(path, value.location(), "expected an object, found " + JsonTree.describe(value));
            return null;
        }
        for (Member member : object.members().values()) {
            if (!known.contains(member.name())) {
                context.problem(JsonPaths.field(path, member.name()), member.nameLocation(),
                        "unknown field \"" + member.name() + "\"" + DidYouMean.suffix(member.name(), known));
            }
        }
        return new FieldReader(object, path, context);
    }

    /** Binds {@code value} with {@code binder} and records where the result came from; null if not an object. */
    static <T> T bind(JsonTree value, String path, Binder<T> binder, BindContext context) {
        FieldReader reader = open(value, path, binder.fields(), context);
        if (reader == null) {
            return null;
        }
        T record = binder.bind(reader);
        context.sources().put(record, path, reader.object);
        return record;
    }

    String fieldPath(String name) {
        return JsonPaths.field(path, name);
    }

    BindContext context() {
        return context;
    }

    boolean has(String name) {
        return value(name) != null;
    }

    /** The field's value, or null when absent or JSON null. */
    JsonTree value(String name) {
        Member member = object.member(name);
        return member == null || member.value() instanceof JsonNull ? null : member.value();
    }

    /** Reports a problem with a field: at its value, or at this object when the field is absent. */
    void problem(String name, String message) {
        JsonTree value = value(name);
        context.problem(fieldPath(name), value == null ? object.location() : value.location(), message);
    }

    /** Reports a problem with this object as a whole. */
    void problem(String message) {
        context.problem(path, object.location(), message);
    }

    void missing(String name) {
        problem(name, "missing required field \"" + name + "\"");
    }

    String string(String name) {
        return typed(name, "a string", v -> v instanceof JsonString s ? s.value() : null);
    }

    String requiredString(String name) {
        return required(name, string(name));
    }

    /** A listen address ({@link HostPort}); the text as written, or null when absent or invalid. */
    String hostPort(String name) {
        String text = string(name);
        if (text == null) {
            return null;
        }
        try {
            HostPort.parse(text);
            return text;
        } catch (IllegalArgumentException e) {
            problem(name, e.getMessage());
            return null;
        }
    }

    boolean bool(String name, boolean fallback) {
        Boolean value = bool(name);
        return value == null ? fallback : value;
    }

    Boolean bool(String name) {
        return typed(name, "true or false", v -> v instanceof JsonBoolean b ? b.value() : null);
    }

    /** An integer in {@code min..max}; null when absent or invalid. */
    Integer integer(String name, int min, int max) {
        Long value = whole(name, min, max);
        return value == null ? null : value.intValue();
    }

    int integer(String name, int min, int max, int fallback) {
        Integer value = integer(name, min, max);
        return value == null ? fallback : value;
    }

    Integer requiredInteger(String name, int min, int max) {
        return required(name, integer(name, min, max));
    }

    /** A whole number in {@code min..max}; null when absent or invalid. */
    Long whole(String name, long min, long max) {
        BigDecimal value = typed(name, "an integer", v -> v instanceof JsonNumber n && isWhole(n.value()) ? n.value() : null);
        if (value == null) {
            return null;
        }
        if (value.compareTo(BigDecimal.valueOf(min)) < 0 || value.compareTo(BigDecimal.valueOf(max)) > 0) {
            problem(name, rangeText(min, max) + ", found " + value.toPlainString());
            return null;
        }
        return value.longValueExact();
    }

    /** A number of at least {@code min}; null when absent or invalid. */
    Double number(String name, double min) {
        BigDecimal value = typed(name, "a number", v -> v instanceof JsonNumber n ? n.value() : null);
        if (value == null) {
            return null;
        }
        if (value.doubleValue() < min) {
            problem(name, "must be at least " + BigDecimal.valueOf(min).stripTrailingZeros().toPlainString()
                    + ", found " + value.toPlainString());
            return null;
        }
        return value.doubleValue();
    }

    /** An ISO-8601 duration that must be positive (zero and negative are reported). */
    Duration positiveDuration(String name) {
        Duration value = duration(name);
        if (value != null && (value.isZero() || value.isNegative())) {
            problem(name, "must be a positive duration, found " + string(name));
            return null;
        }
        return value;
    }

    /** An ISO-8601 duration that may be zero but not negative. */
    Duration nonNegativeDuration(String name) {
        Duration value = duration(name);
        if (value != null && value.isNegative()) {
            problem(name, "must not be negative, found " + string(name));
            return null;
        }
        return value;
    }

    Duration requiredPositiveDuration(String name) {
        return required(name, positiveDuration(name));
    }

    private Duration duration(String name) {
        String text = string(name);
        if (text == null) {
            return null;
        }
        Duration value;
        try {
            value = Duration.parse(text);
        } catch (DateTimeParseException e) {
            problem(name, "\"" + text + "\" is not an ISO-8601 duration such as PT15S");
            return null;
        }
        if (value.compareTo(GatewayConfig.LONGEST_DURATION) > 0) {
            problem(name, "must be at most P365D (365 days), found " + text);
            return null;
        }
        return value;
    }

    /** One of {@code options}, written as {@code jsonName}; a near miss gets a suggestion. */
    <E> E choice(String name, List<E> options, Function<E, String> jsonName) {
        JsonTree value = value(name);
        return value == null ? null : choiceOf(value, fieldPath(name), options, jsonName);
    }

    <E> E requiredChoice(String name, List<E> options, Function<E, String> jsonName) {
        return required(name, choice(name, options, jsonName));
    }

    /** An array of {@link #choice}s; empty when absent. */
    <E> List<E> choices(String name, List<E> options, Function<E, String> jsonName) {
        List<E> result = new ArrayList<>();
        JsonArray array = array(name);
        if (array != null) {
            for (int i = 0; i < array.items().size(); i++) {
                E item = choiceOf(array.items().get(i), JsonPaths.index(fieldPath(name), i), options, jsonName);
                if (item != null) {
                    result.add(item);
                }
            }
        }
        return result;
    }

    /** An array of strings; empty when absent, non-strings reported and left out. */
    List<String> strings(String name) {
        List<String> result = new ArrayList<>();
        JsonArray array = array(name);
        if (array != null) {
            for (int i = 0; i < array.items().size(); i++) {
                JsonTree item = array.items().get(i);
                if (item instanceof JsonString s) {
                    result.add(s.value());
                } else {
                    context.problem(JsonPaths.index(fieldPath(name), i), item.location(),
                            "expected a string, found " + JsonTree.describe(item));
                }
            }
        }
        return result;
    }

    private <E> E choiceOf(JsonTree value, String valuePath, List<E> options, Function<E, String> jsonName) {
        Map<String, E> byName = new LinkedHashMap<>();
        options.forEach(option -> byName.put(jsonName.apply(option), option));
        if (!(value instanceof JsonString s)) {
            context.problem(valuePath, value.location(), "expected a string, found " + JsonTree.describe(value));
            return null;
        }
        E option = byName.get(s.value());
        if (option == null) {
            context.problem(valuePath, value.location(), "\"" + s.value() + "\" is not one of "
                    + String.join(", ", byName.keySet()) + DidYouMean.suffix(s.value(), byName.keySet()));
        }
        return option;
    }

    /** A nested object bound by {@code binder}; null when absent or invalid. */
    <T> T object(String name, Binder<T> binder) {
        JsonTree value = value(name);
        return value == null ? null : bind(value, fieldPath(name), binder, context);
    }

    <T> T requiredObject(String name, Binder<T> binder) {
        return required(name, object(name, binder));
    }

    /** A required, non-empty array of objects bound by {@code binder}. */
    <T> List<T> requiredObjects(String name, Binder<T> binder) {
        if (!has(name)) {
            missing(name);
        } else if (value(name) instanceof JsonArray array && array.items().isEmpty()) {
            problem(name, "must not be empty");
        }
        return objects(name, binder);
    }

    /** An array of objects bound by {@code binder}; empty when absent, invalid items left out. */
    <T> List<T> objects(String name, Binder<T> binder) {
        List<T> result = new ArrayList<>();
        JsonArray array = array(name);
        if (array != null) {
            for (int i = 0; i < array.items().size(); i++) {
                T item = bind(array.items().get(i), JsonPaths.index(fieldPath(name), i), binder, context);
                if (item != null) {
                    result.add(item);
                }
            }
        }
        return result;
    }

    /** An object used as a map from keys to values (such as {@code backends}); null when absent or not an object. */
    JsonObject map(String name) {
        return typed(name, "an object", v -> v instanceof JsonObject o ? o : null);
    }

    private JsonArray array(String name) {
        return typed(name, "an array", v -> v instanceof JsonArray a ? a : null);
    }

    private <T> T typed(String name, String expected, Function<JsonTree, T> convert) {
        JsonTree value = value(name);
        if (value == null) {
            return null;
        }
        T converted = convert.apply(value);
        if (converted == null) {
            problem(name, "expected " + expected + ", found " + JsonTree.describe(value));
        }
        return converted;
    }

    /** Reports {@code name} as missing when it is absent; an invalid value was already reported. */
    private <T> T required(String name, T value) {
        if (value == null && !has(name)) {
            missing(name);
        }
        return value;
    }

    private static boolean isWhole(BigDecimal value) {
        return value.signum() == 0 || value.stripTrailingZeros().scale() <= 0;
    }

    private static String rangeText(long min, long max) {
        return max == Integer.MAX_VALUE || max == Long.MAX_VALUE
                ? "must be at least " + min
                : "must be between " + min + " and " + max;
    }
}
