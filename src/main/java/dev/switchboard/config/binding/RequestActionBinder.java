package dev.switchboard.config.binding;

import dev.switchboard.config.ExistsAction;
import dev.switchboard.config.RequestAction;
import dev.switchboard.config.json.JsonPaths;
import dev.switchboard.config.json.JsonTree;
import dev.switchboard.config.json.JsonTree.JsonArray;
import dev.switchboard.config.json.JsonTree.JsonObject;
import dev.switchboard.config.json.JsonTree.JsonString;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * One entry of an api's or rule's {@code actions}: its {@code type} picks the fields, so a field of another action
 * type is reported as unknown.
 */
final class RequestActionBinder implements Binder<RequestAction> {

    static final List<String> TYPES = List.of("setHeader", "setQueryParameter", "rewriteUri", "returnResponse");

    /** Framing and hop-by-hop headers belong to the gateway: setting them would corrupt the message. */
    private static final Set<String> RESERVED_HEADERS = Set.of("content-length", "transfer-encoding", "connection", "host",
            "upgrade", "te", "trailer", "keep-alive");

    private final String type;

    private RequestActionBinder(String type) {
        this.type = type;
    }

    /** The {@code actions} array of the object {@code in} reads; empty when absent, invalid entries left out. */
    static List<RequestAction> bindAll(FieldReader in, String field) {
        List<RequestAction> actions = new ArrayList<>();
        JsonTree value = in.value(field);
        if (value == null) {
            return actions;
        }
        if (!(value instanceof JsonArray array)) {
            in.problem(field, "expected an array, found " + JsonTree.describe(value));
            return actions;
        }
        for (int i = 0; i < array.items().size(); i++) {
            JsonTree item = array.items().get(i);
            String path = JsonPaths.index(in.fieldPath(field), i);
            String type = item instanceof JsonObject o && o.member("type") != null && o.member("type").value() instanceof JsonString s
                    ? s.value() : null;
            if (type == null || !TYPES.contains(type)) {
                // Without a known type the other fields cannot be judged: only the type is reported.
                boolean hasType = item instanceof JsonObject o && o.member("type") != null;
                in.context().problem(hasType ? JsonPaths.field(path, "type") : path,
                        hasType ? ((JsonObject) item).member("type").value().location() : item.location(),
                        type == null ? "needs \"type\": one of " + String.join(", ", TYPES)
                                : "\"" + type + "\" is not one of " + String.join(", ", TYPES) + DidYouMean.suffix(type, TYPES));
                continue;
            }
            RequestAction action = FieldReader.bind(item, path, new RequestActionBinder(type), in.context());
            if (action != null) {
                actions.add(action);
            }
        }
        return actions;
    }

    @Override
    public List<String> fields() {
        return switch (type) {
            case "setHeader", "setQueryParameter" -> List.of("type", "name", "existsAction", "values");
            case "rewriteUri" -> List.of("type", "template", "copyUnmatchedParams");
            default -> List.of("type", "status", "reason", "headers", "body");
        };
    }

    @Override
    public RequestAction bind(FieldReader in) {
        return switch (type) {
            case "setHeader", "setQueryParameter" -> {
                boolean header = type.equals("setHeader");
                String name = in.requiredString("name");
                if (header && name != null && RESERVED_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
                    in.problem("name", "\"" + name + "\" is set by the gateway itself (framing or hop-by-hop)");
                }
                ExistsAction exists = existsAction(in);
                yield new RequestAction.SetValue(header ? RequestAction.Target.HEADER : RequestAction.Target.QUERY, name, exists,
                        values(in, exists));
            }
            case "rewriteUri" -> new RequestAction.RewriteUri(template(in), in.bool("copyUnmatchedParams", true));
            default -> new RequestAction.ReturnResponse(in.integer("status", 100, 599, 200), in.string("reason"),
                    CredentialsBinder.namedValues(in, "headers"), in.string("body"));
        };
    }

    private static ExistsAction existsAction(FieldReader in) {
        ExistsAction action = in.choice("existsAction", List.of(ExistsAction.values()), ExistsAction::name);
        return action == null ? ExistsAction.override : action;
    }

    /** Values are required, except to delete. */
    private static List<String> values(FieldReader in, ExistsAction exists) {
        List<String> values = in.strings("values");
        if (exists == ExistsAction.delete && in.has("values")) {
            in.problem("values", "a delete takes no values");
        } else if (exists != ExistsAction.delete && values.isEmpty() && !in.has("values")) {
            in.missing("values");
        } else if (exists != ExistsAction.delete && values.isEmpty()) {
            in.problem("values", "must not be empty; use \"existsAction\": \"delete\" to remove");
        }
        return values;
    }

    private static String template(FieldReader in) {
        String template = in.requiredString("template");
        if (template != null && (template.contains("://") || template.startsWith("//"))) {
            in.problem("template", "must be a path relative to the backend's URL, found \"" + template + "\"");
        }
        if (template != null && RequestAction.RewriteUri.parts(template) == null) {
            in.problem("template", "unbalanced '{' or '}' in \"" + template + "\"");
        }
        return template;
    }
}
