package dev.switchboard.config.binding;

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
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Typed access to the fields of one JSON object. Every read reports its own problem (wrong type, out of range,
 * malformed) at the value's location and returns null, so binders read all fields and report all problems.
 * A JSON {@code null} counts as absent, as in APIM where weight and priority may be null. Checks beyond a value's
 * JSON type are {@link ValueParsers}'; this class finds the value and says where its problem is.
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
        return parsed(name, Function.identity());
    }

    String requiredString(String name) {
        return required(name, string(name));
    }

    /** A listen address ({@link HostPort}); the text as written, or null when absent or invalid. */
    String hostPort(String name) {
        return parsed(name, ValueParsers::hostPort);
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
        return read(name, "an integer", v -> v instanceof JsonNumber n && isWhole(n.value()) ? n.value() : null,
                v -> ValueParsers.inRange(v, min, max));
    }

    /** A number of at least {@code min}; null when absent or invalid. */
    Double number(String name, double min) {
        return read(name, "a number", v -> v instanceof JsonNumber n ? n.value() : null, v -> ValueParsers.atLeast(v, min));
    }

    /** An ISO-8601 duration that must be positive (zero and negative are reported). */
    Duration positiveDuration(String name) {
        return parsed(name, ValueParsers::positiveDuration);
    }

    /** An ISO-8601 duration that may be zero but not negative. */
    Duration nonNegativeDuration(String name) {
        return parsed(name, ValueParsers::nonNegativeDuration);
    }

    Duration requiredPositiveDuration(String name) {
        return required(name, positiveDuration(name));
    }

    /** One of {@code options}, written as {@code jsonName}; a near miss gets a suggestion. */
    <E> E choice(String name, List<E> options, Function<E, String> jsonName) {
        return parsed(name, text -> ValueParsers.choice(text, options, jsonName));
    }

    <E> E requiredChoice(String name, List<E> options, Function<E, String> jsonName) {
        return required(name, choice(name, options, jsonName));
    }

    /** An array of {@link #choice}s; empty when absent. */
    <E> List<E> choices(String name, List<E> options, Function<E, String> jsonName) {
        return items(name, (item, itemPath) -> parsed(item, itemPath, text -> ValueParsers.choice(text, options, jsonName)));
    }

    /** An array of strings; empty when absent, non-strings reported and left out. */
    List<String> strings(String name) {
        return items(name, (item, itemPath) -> parsed(item, itemPath, Function.identity()));
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
        return items(name, (item, itemPath) -> bind(item, itemPath, binder, context));
    }

    /** An object used as a map from keys to values (such as {@code backends}); null when absent or not an object. */
    JsonObject map(String name) {
        return typed(name, "an object", v -> v instanceof JsonObject o ? o : null);
    }

    /** Each item of an array read at its own path by {@code read}; empty when absent, unreadable items left out. */
    private <T> List<T> items(String name, BiFunction<JsonTree, String, T> read) {
        List<T> result = new ArrayList<>();
        JsonArray array = typed(name, "an array", v -> v instanceof JsonArray a ? a : null);
        if (array != null) {
            for (int i = 0; i < array.items().size(); i++) {
                T item = read.apply(array.items().get(i), JsonPaths.index(fieldPath(name), i));
                if (item != null) {
                    result.add(item);
                }
            }
        }
        return result;
    }

    private <T> T typed(String name, String expected, Function<JsonTree, T> convert) {
        return read(name, expected, convert, Function.identity());
    }

    private <T> T parsed(String name, Function<String, T> parse) {
        return read(name, "a string", FieldReader::text, parse);
    }

    private <T> T parsed(JsonTree value, String valuePath, Function<String, T> parse) {
        return read(value, valuePath, "a string", FieldReader::text, parse);
    }

    /** Field {@code name} read as below; null when absent. */
    private <V, T> T read(String name, String expected, Function<JsonTree, V> convert, Function<V, T> parse) {
        JsonTree value = value(name);
        return value == null ? null : read(value, fieldPath(name), expected, convert, parse);
    }

    /**
     * {@code value} converted to its JSON type ({@code convert} gives null for any other) and then parsed
     * ({@link ValueParsers}); null when either refuses, with the problem reported at the value.
     */
    private <V, T> T read(JsonTree value, String valuePath, String expected, Function<JsonTree, V> convert,
            Function<V, T> parse) {
        V converted = convert.apply(value);
        if (converted == null) {
            context.problem(valuePath, value.location(), "expected " + expected + ", found " + JsonTree.describe(value));
            return null;
        }
        try {
            return parse.apply(converted);
        } catch (IllegalArgumentException e) {
            context.problem(valuePath, value.location(), e.getMessage());
            return null;
        }
    }

    /** Reports {@code name} as missing when it is absent; an invalid value was already reported. */
    private <T> T required(String name, T value) {
        if (value == null && !has(name)) {
            missing(name);
        }
        return value;
    }

    private static String text(JsonTree value) {
        return value instanceof JsonString s ? s.value() : null;
    }

    private static boolean isWhole(BigDecimal value) {
        return value.signum() == 0 || value.stripTrailingZeros().scale() <= 0;
    }
}
