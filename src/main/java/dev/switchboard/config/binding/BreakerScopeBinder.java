package dev.switchboard.config.binding;

import dev.switchboard.config.BreakerScope;
import dev.switchboard.config.json.JsonTree;
import dev.switchboard.config.json.JsonTree.JsonString;
import java.util.List;

/** {@code breakerScope: "gateway"} or {@code breakerScope: {"quorum": N}}. */
final class BreakerScopeBinder implements Binder<BreakerScope> {

    /** Largest quorum accepted: more gateways than any fleet we expect, small enough to catch typos. */
    static final int MAX_QUORUM = 1000;

    /** Binds the field {@code name} of {@code in}; the default when absent, null when invalid. */
    static BreakerScope read(FieldReader in, String name) {
        JsonTree value = in.value(name);
        if (value == null) {
            return BreakerScope.GATEWAY;
        }
        if (value instanceof JsonString text) {
            if (!text.value().equals("gateway")) {
                in.problem(name, "\"" + text.value() + "\" is not a breaker scope; use \"gateway\" or {\"quorum\": N}");
            }
            return BreakerScope.GATEWAY;
        }
        return FieldReader.bind(value, in.fieldPath(name), new BreakerScopeBinder(), in.context());
    }

    @Override
    public List<String> fields() {
        return List.of("quorum");
    }

    @Override
    public BreakerScope bind(FieldReader in) {
        Integer quorum = in.requiredInteger("quorum", 1, MAX_QUORUM);
        return quorum == null ? null : new BreakerScope(quorum);
    }
}
