package dev.switchboard.console.config.form;

import dev.switchboard.config.json.JsonPaths;
import java.util.ArrayList;
import java.util.List;

/**
 * A place in the config document, as segments (field names and array indexes); {@link #toString} spells it the way
 * the validator names it in problems: {@code backends.a.pool.services[0].weight}.
 */
public record JsonPath(List<Object> segments) {

    public static final JsonPath ROOT = new JsonPath(List.of());

    public JsonPath {
        segments = List.copyOf(segments);
    }

    public JsonPath field(String name) {
        return with(name);
    }

    public JsonPath index(int index) {
        return with(index);
    }

    /** The path below this one named by dotted field names, e.g. {@code "failureCondition.count"}. */
    public JsonPath resolve(String dotted) {
        JsonPath path = this;
        for (String name : dotted.split("\\.")) {
            path = path.field(name);
        }
        return path;
    }

    /** True when {@code problemPath} (a validator path) is this place or lies inside it. */
    public boolean contains(String problemPath) {
        if (segments.isEmpty()) {
            return true;
        }
        String own = toString();
        return problemPath.equals(own) || problemPath.startsWith(own + ".") || problemPath.startsWith(own + "[");
    }

    private JsonPath with(Object segment) {
        List<Object> longer = new ArrayList<>(segments);
        longer.add(segment);
        return new JsonPath(longer);
    }

    @Override
    public String toString() {
        String path = "";
        for (Object s : segments) {
            path = s instanceof Integer i ? JsonPaths.index(path, i) : JsonPaths.field(path, (String) s);
        }
        return JsonPaths.display(path);
    }
}
