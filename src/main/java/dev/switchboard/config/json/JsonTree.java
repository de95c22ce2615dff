package dev.switchboard.config.json;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A parsed JSON value that remembers where it came from, so problems can point at the exact line and column. */
public sealed interface JsonTree {

    Location location();

    /** An object; members keep file order. A duplicate key is reported by the reader and keeps its first value. */
    record JsonObject(Map<String, Member> members, Location location) implements JsonTree {
        public JsonObject {
            members = Collections.unmodifiableMap(new LinkedHashMap<>(members));
        }

        public Member member(String name) {
            return members.get(name);
        }
    }

    /** One {@code "name": value} pair; {@code nameLocation} is where the quoted name starts. */
    record Member(String name, Location nameLocation, JsonTree value) {
    }

    record JsonArray(List<JsonTree> items, Location location) implements JsonTree {
        public JsonArray {
            items = List.copyOf(items);
        }
    }

    record JsonString(String value, Location location) implements JsonTree {
    }

    record JsonNumber(BigDecimal value, Location location) implements JsonTree {
    }

    record JsonBoolean(boolean value, Location location) implements JsonTree {
    }

    record JsonNull(Location location) implements JsonTree {
    }

    /** Short description for messages such as "expected a string, found number 3". */
    static String describe(JsonTree value) {
        return switch (value) {
            case JsonObject o -> "an object";
            case JsonArray a -> "an array";
            case JsonString s -> "string \"" + s.value() + "\"";
            case JsonNumber n -> "number " + n.value().toPlainString();
            case JsonBoolean b -> String.valueOf(b.value());
            case JsonNull n -> "null";
        };
    }
}
