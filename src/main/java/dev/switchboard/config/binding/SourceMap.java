package dev.switchboard.config.binding;

import dev.switchboard.config.ConfigProblem;
import dev.switchboard.config.json.JsonPaths;
import dev.switchboard.config.json.JsonTree.JsonObject;
import dev.switchboard.config.json.JsonTree.Member;
import dev.switchboard.config.json.Location;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * Remembers which JSON object each bound record came from, so checks that run on records (references,
 * duplicates across objects) can still point at the right line and column.
 */
final class SourceMap {

    private record Origin(String path, JsonObject object) {
    }

    /** By identity: equal records from different places in the file must keep their own origin. */
    private final Map<Object, Origin> origins = new IdentityHashMap<>();

    void put(Object record, String path, JsonObject object) {
        origins.put(record, new Origin(path, object));
    }

    /** A problem with {@code field} of {@code record}: at the field's value, or at the record's object if absent. */
    ConfigProblem problem(Object record, String field, String message) {
        Origin origin = origins.get(record);
        Member member = origin.object().member(field);
        Location at = member == null ? origin.object().location() : member.value().location();
        return new ConfigProblem(JsonPaths.field(origin.path(), field), at.line(), at.column(), message);
    }

    /** A problem with {@code record} as a whole, at its object. */
    ConfigProblem problem(Object record, String message) {
        Origin origin = origins.get(record);
        Location at = origin.object().location();
        return new ConfigProblem(JsonPaths.display(origin.path()), at.line(), at.column(), message);
    }
}
