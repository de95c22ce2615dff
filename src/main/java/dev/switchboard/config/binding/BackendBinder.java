package dev.switchboard.config.binding;

import dev.switchboard.config.BackendConfig;
import dev.switchboard.config.BackendType;
import dev.switchboard.config.BreakerScope;
import dev.switchboard.config.TlsConfig;
import dev.switchboard.config.json.JsonTree;
import dev.switchboard.config.json.JsonTree.JsonObject;
import java.util.List;

/**
 * A backend or pool, written plainly or as the ARM resource operators paste from APIM:
 * {@code {"type": "Microsoft.ApiManagement/service/backends", "name": ..., "properties": {...}}}.
 */
final class BackendBinder implements Binder<BackendConfig> {

    private static final List<String> ARM_FIELDS = List.of("properties", "name", "type", "apiVersion", "id", "dependsOn");
    private static final String ARM_TYPE = "Microsoft.ApiManagement/service/backends";

    private final String id;

    private BackendBinder(String id) {
        this.id = id;
    }

    /** Binds the backend {@code id}; an object with {@code properties} is read as the ARM wrapper form. */
    static BackendConfig bind(String id, JsonTree value, String path, BindContext context) {
        if (value instanceof JsonObject object && object.member("properties") != null) {
            FieldReader arm = FieldReader.open(value, path, ARM_FIELDS, context);
            String type = arm.string("type");
            if (type != null && !type.equalsIgnoreCase(ARM_TYPE)) {
                arm.problem("type", "\"" + type + "\" is not an APIM backend; expected \"" + ARM_TYPE + "\"");
            }
            return arm.requiredObject("properties", new BackendBinder(id));
        }
        return FieldReader.bind(value, path, new BackendBinder(id), context);
    }

    @Override
    public List<String> fields() {
        return List.of("url", "description", "title", "protocol", "type", "circuitBreaker", "pool", "healthProbe",
                "slowStart", "tls", "credentials", "breakerScope");
    }

    @Override
    public BackendConfig bind(FieldReader in) {
        in.string("title"); // APIM's free-text title: type-checked, not kept
        String protocol = in.string("protocol");
        if (protocol != null && !protocol.equals("http")) {
            in.problem("protocol", "unsupported protocol \"" + protocol + "\"; only \"http\" is accepted");
        }
        BackendType type = in.has("type") ? in.choice("type", List.of(BackendType.values()), BackendType::json)
                : BackendType.SINGLE;
        String url = in.string("url");
        if (url != null && !HttpUrls.isValid(url)) {
            in.problem("url", "\"" + url + "\" is not an absolute http or https URL with a host");
        } else if (url != null && HttpUrls.portProblem(url) != null) {
            in.problem("url", HttpUrls.portProblem(url));
        }
        var pool = in.object("pool", new PoolBinder());
        var healthProbe = in.object("healthProbe", new HealthProbeBinder());
        checkShape(in, type);
        TlsConfig tls = in.object("tls", new TlsBinder());
        BreakerScope scope = BreakerScopeBinder.read(in, "breakerScope");
        if (scope != null && scope.isQuorum() && !in.has("circuitBreaker")) {
            in.problem("breakerScope", "a quorum counts open breakers, but this backend has no \"circuitBreaker\"");
        }
        return new BackendConfig(id, type, url, in.string("description"),
                in.object("circuitBreaker", new CircuitBreakerBinder()), pool, healthProbe,
                in.object("slowStart", new SlowStartBinder()), tls == null ? TlsConfig.DEFAULT : tls,
                in.object("credentials", new CredentialsBinder()), scope);
    }

    /** A Single backend has a url and no pool; a Pool has members and nothing to call or probe itself. */
    private static void checkShape(FieldReader in, BackendType type) {
        if (type == BackendType.SINGLE) {
            if (!in.has("url")) {
                in.missing("url");
            }
            if (in.has("pool")) {
                in.problem("pool", "a Single backend has no pool; set \"type\": \"Pool\" or remove \"pool\"");
            }
        } else if (type == BackendType.POOL) {
            if (!in.has("pool")) {
                in.missing("pool");
            }
            if (in.has("url")) {
                in.problem("url", "a Pool has no url of its own; its services have the urls");
            }
            if (in.has("credentials")) {
                in.problem("credentials", "a Pool sends nothing itself; put \"credentials\" on its services");
            }
            if (in.has("healthProbe")) {
                in.problem("healthProbe", "a Pool is not probed itself; put \"healthProbe\" on its services");
            }
        }
    }
}
