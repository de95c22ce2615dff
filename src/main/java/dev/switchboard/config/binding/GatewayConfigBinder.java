package dev.switchboard.config.binding;

import dev.switchboard.config.ApiConfig;
import dev.switchboard.config.BackendConfig;
import dev.switchboard.config.GatewayConfig;
import dev.switchboard.config.GatewaySettings;
import dev.switchboard.config.TrafficProfileConfig;
import dev.switchboard.config.json.JsonTree.JsonObject;
import dev.switchboard.config.json.JsonTree.Member;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The document's top level. A new top-level section is one more name in {@link #fields()} and one more
 * {@code in.object(name, new XBinder())} line here.
 */
final class GatewayConfigBinder implements Binder<GatewayConfig> {

    @Override
    public List<String> fields() {
        return List.of("gateway", "diagnostics", "backends", "apis", "admin", "trafficProfiles", "dns", "notifications");
    }

    @Override
    public GatewayConfig bind(FieldReader in) {
        GatewaySettings gateway = in.object("gateway", new GatewaySettingsBinder());
        List<ApiConfig> apis = in.objects("apis", new ApiBinder());
        List<TrafficProfileConfig> profiles = in.objects("trafficProfiles", new TrafficProfileBinder());
        return new GatewayConfig(gateway == null ? GatewaySettings.DEFAULTS : gateway, backends(in), apis,
                in.bool("diagnostics", false), in.object("admin", new AdminBinder()), profiles,
                in.object("dns", new DnsBinder(profiles.stream().map(TrafficProfileConfig::name).filter(Objects::nonNull).toList())),
                in.object("notifications", new NotificationsBinder()));
    }


    /** {@code backends} maps ids to backends; the reader already reported duplicate ids. */
    private static Map<String, BackendConfig> backends(FieldReader in) {
        Map<String, BackendConfig> backends = new LinkedHashMap<>();
        if (!in.has("backends")) {
            in.missing("backends");
        }
        JsonObject object = in.map("backends");
        if (object == null) {
            return backends;
        }
        if (object.members().isEmpty()) {
            in.problem("backends", "must define at least one backend");
        }
        for (Member member : object.members().values()) {
            String path = in.fieldPath("backends") + "." + member.name();
            BackendConfig backend = BackendBinder.bind(member.name(), member.value(), path, in.context());
            if (backend != null) {
                backends.put(member.name(), backend);
            }
        }
        return backends;
    }
}
