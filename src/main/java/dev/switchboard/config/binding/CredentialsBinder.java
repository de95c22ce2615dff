package dev.switchboard.config.binding;

import dev.switchboard.config.CredentialsConfig;
import dev.switchboard.config.json.JsonPaths;
import dev.switchboard.config.json.JsonTree;
import dev.switchboard.config.json.JsonTree.JsonArray;
import dev.switchboard.config.json.JsonTree.JsonObject;
import dev.switchboard.config.json.JsonTree.JsonString;
import dev.switchboard.config.json.JsonTree.Member;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** APIM's backend {@code credentials}: {@code header} and {@code query}, each name → array of values. */
final class CredentialsBinder implements Binder<CredentialsConfig> {

    @Override
    public List<String> fields() {
        return List.of("header", "query");
    }

    @Override
    public CredentialsConfig bind(FieldReader in) {
        return new CredentialsConfig(namedValues(in, "header"), namedValues(in, "query"));
    }

    /** An object of name → array of strings (APIM's shape), as used by credentials and return-response headers. */
    static Map<String, List<String>> namedValues(FieldReader in, String field) {
        Map<String, List<String>> result = new LinkedHashMap<>();
        JsonObject object = in.map(field);
        if (object == null) {
            return result;
        }
        for (Member member : object.members().values()) {
            String path = JsonPaths.field(in.fieldPath(field), member.name());
            if (member.name().isBlank()) {
                in.context().problem(path, member.nameLocation(), "a name must not be empty");
            }
            if (!(member.value() instanceof JsonArray array)) {
                in.context().problem(path, member.value().location(),
                        "expected an array of strings, found " + JsonTree.describe(member.value()));
                continue;
            }
            List<String> values = new ArrayList<>();
            for (int i = 0; i < array.items().size(); i++) {
                if (array.items().get(i) instanceof JsonString s) {
                    values.add(s.value());
                } else {
                    JsonTree item = array.items().get(i);
                    in.context().problem(JsonPaths.index(path, i), item.location(), "expected a string, found " + JsonTree.describe(item));
                }
            }
            result.put(member.name(), values);
        }
        return result;
    }
}
