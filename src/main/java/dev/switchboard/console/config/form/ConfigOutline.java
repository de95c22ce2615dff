package dev.switchboard.console.config.form;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The items of a config document the editor has forms for (backends, pools, APIs), and new ones. */
final class ConfigOutline {

    static final JsonPath BACKENDS = JsonPath.ROOT.field("backends");
    static final JsonPath APIS = JsonPath.ROOT.field("apis");

    private ConfigOutline() {
    }

    /** Backends, then pools, then APIs, each in document order. */
    static List<OutlineItem> items(ConfigDocument doc) {
        List<OutlineItem> backends = new ArrayList<>();
        List<OutlineItem> pools = new ArrayList<>();
        for (Map.Entry<String, JsonNode> e : doc.at(BACKENDS).properties()) {
            JsonPath path = BACKENDS.field(e.getKey());
            // An APIM resource keeps the backend's fields in "properties".
            JsonPath body = e.getValue().has("properties") ? path.field("properties") : path;
            boolean pool = "Pool".equals(doc.at(body).path("type").asText());
            (pool ? pools : backends).add(new OutlineItem(pool ? OutlineItem.Kind.POOL : OutlineItem.Kind.BACKEND,
                    e.getKey(), path, body));
        }
        List<OutlineItem> items = new ArrayList<>(backends);
        items.addAll(pools);
        JsonNode apis = doc.at(APIS);
        for (int i = 0; i < apis.size(); i++) {
            String name = apis.path(i).path("name").asText("");
            items.add(new OutlineItem(OutlineItem.Kind.API, name.isEmpty() ? "(api " + (i + 1) + ")" : name,
                    APIS.index(i), APIS.index(i)));
        }
        return items;
    }

    static List<String> ids(List<OutlineItem> items, OutlineItem.Kind... kinds) {
        return items.stream().filter(i -> List.of(kinds).contains(i.kind())).map(OutlineItem::id).toList();
    }

    /**
     * Adds an empty item: the validator then asks for what it still needs (a URL, members, a backend) at the
     * field itself.
     *
     * @return why it cannot be added, or empty when it was
     */
    static String add(ConfigDocument doc, List<OutlineItem> items, OutlineItem.Kind kind, String id) {
        if (id == null || id.isBlank()) {
            return "give the new " + kind.name().toLowerCase(Locale.ROOT) + " a name";
        }
        if (kind == OutlineItem.Kind.API ? ids(items, OutlineItem.Kind.API).contains(id)
                : ids(items, OutlineItem.Kind.BACKEND, OutlineItem.Kind.POOL).contains(id)) {
            return "'" + id + "' is taken";
        }
        ObjectNode item = JsonNodeFactory.instance.objectNode();
        switch (kind) {
            case BACKEND -> doc.set(BACKENDS.field(id), item);
            case POOL -> {
                item.put("type", "Pool").putObject("pool").putArray("services");
                doc.set(BACKENDS.field(id), item);
            }
            case API -> doc.append(APIS, item.put("name", id).put("path", "/" + id));
        }
        return "";
    }
}
