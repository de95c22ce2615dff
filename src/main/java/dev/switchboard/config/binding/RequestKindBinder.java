package dev.switchboard.config.binding;

import dev.switchboard.config.json.JsonPaths;
import dev.switchboard.config.json.JsonTree;
import dev.switchboard.config.json.JsonTree.JsonObject;
import dev.switchboard.config.json.JsonTree.JsonString;
import dev.switchboard.config.json.JsonTree.Member;
import dev.switchboard.config.scenario.RequestKind;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** One request kind: {@code method} (GET by default), {@code path}, {@code headers} and, in a list, {@code weight}. */
final class RequestKindBinder implements Binder<RequestKind> {

    private static final Pattern METHOD = Pattern.compile("[A-Z]+");

    private final boolean weighted;

    /** @param weighted true for an entry of {@code requests}, which may carry a weight */
    RequestKindBinder(boolean weighted) {
        this.weighted = weighted;
    }

    @Override
    public List<String> fields() {
        return weighted ? List.of("method", "path", "headers", "weight") : List.of("method", "path", "headers");
    }

    @Override
    public RequestKind bind(FieldReader in) {
        String method = in.string("method");
        if (method != null && !METHOD.matcher(method).matches()) {
            in.problem("method", "must be an HTTP method in capitals such as GET or POST, found \"" + method + "\"");
        }
        String path = in.requiredString("path");
        if (path != null && !path.startsWith("/")) {
            in.problem("path", "must start with '/', found \"" + path + "\"");
        }
        int weight = weighted ? in.integer("weight", 1, 1000, 1) : 1;
        return new RequestKind(method == null ? "GET" : method, path, headers(in), weight);
    }

    private static Map<String, String> headers(FieldReader in) {
        Map<String, String> headers = new LinkedHashMap<>();
        JsonObject object = in.map("headers");
        if (object != null) {
            for (Member member : object.members().values()) {
                if (member.value() instanceof JsonString s) {
                    headers.put(member.name(), s.value());
                } else {
                    in.context().problem(JsonPaths.field(in.fieldPath("headers"), member.name()), member.value().location(),
                            "expected a string, found " + JsonTree.describe(member.value()));
                }
            }
        }
        return headers;
    }
}
