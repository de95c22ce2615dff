package dev.switchboard.telemetry.server;

import dev.switchboard.config.ApiConfig;
import dev.switchboard.config.GatewayConfig;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The summary of a config change a console shows: which backends and apis were added, removed or changed. */
final class ConfigDiff {

    private ConfigDiff() {
    }

    /** Keys {@code backendsAdded}, {@code backendsRemoved}, {@code backendsChanged} and the same for apis; empty ones left out. */
    static Map<String, List<String>> between(GatewayConfig before, GatewayConfig after) {
        Map<String, List<String>> diff = new LinkedHashMap<>();
        compare("backends", before.backends(), after.backends(), diff);
        compare("apis", byName(before.apis()), byName(after.apis()), diff);
        return diff;
    }

    private static Map<String, ApiConfig> byName(List<ApiConfig> apis) {
        Map<String, ApiConfig> map = new LinkedHashMap<>();
        apis.forEach(a -> map.put(a.name(), a));
        return map;
    }

    private static <T> void compare(String what, Map<String, T> before, Map<String, T> after, Map<String, List<String>> diff) {
        List<String> added = new ArrayList<>();
        List<String> changed = new ArrayList<>();
        after.forEach((id, value) -> {
            T old = before.get(id);
            if (old == null) {
                added.add(id);
            } else if (!old.equals(value)) {
                changed.add(id);
            }
        });
        List<String> removed = before.keySet().stream().filter(id -> !after.containsKey(id)).toList();
        put(diff, what + "Added", added);
        put(diff, what + "Removed", removed);
        put(diff, what + "Changed", changed);
    }

    private static void put(Map<String, List<String>> diff, String key, List<String> ids) {
        if (!ids.isEmpty()) {
            diff.put(key, List.copyOf(ids));
        }
    }
}
