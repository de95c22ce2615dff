package dev.switchboard.config.json;

import dev.switchboard.config.ConfigProblem;

/** Builds the dotted paths used in problems: {@code backends.primary.pool.services[0].id}. */
public final class JsonPaths {

    private JsonPaths() {
    }

    public static String field(String parent, String name) {
        return parent.isEmpty() ? name : parent + "." + name;
    }

    public static String index(String parent, int index) {
        return parent + "[" + index + "]";
    }

    /** The path as shown to operators: the document itself is {@code $}. */
    public static String display(String path) {
        return path.isEmpty() ? ConfigProblem.ROOT : path;
    }
}
