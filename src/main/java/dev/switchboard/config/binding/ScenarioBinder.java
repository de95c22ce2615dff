package dev.switchboard.config.binding;

import dev.switchboard.config.BackendConfig;
import dev.switchboard.config.GatewayConfig;
import dev.switchboard.config.json.JsonPaths;
import dev.switchboard.config.json.JsonTree;
import dev.switchboard.config.json.JsonTree.JsonArray;
import dev.switchboard.config.json.JsonTree.JsonObject;
import dev.switchboard.config.json.JsonTree.Member;
import dev.switchboard.config.scenario.BackendPhase;
import dev.switchboard.config.scenario.RequestKind;
import dev.switchboard.config.scenario.Scenario;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A scenario's top level: duration, seed, region, the request stream (one kind inline, or weighted
 * {@code requests}) and {@code backends}, whose ids must be single backends of the rehearsed config.
 */
final class ScenarioBinder implements Binder<Scenario> {

    private static final double MAX_RATE = 1_000_000;

    private final GatewayConfig config;

    ScenarioBinder(GatewayConfig config) {
        this.config = config;
    }

    @Override
    public List<String> fields() {
        return List.of("duration", "seed", "region", "rate", "method", "path", "headers", "requests", "backends");
    }

    @Override
    public Scenario bind(FieldReader in) {
        Duration duration = in.requiredPositiveDuration("duration");
        Long seed = in.whole("seed", Long.MIN_VALUE, Long.MAX_VALUE);
        String region = in.string("region");
        if (region != null && region.isBlank()) {
            in.problem("region", "must not be empty");
        }
        // No lower bound here: the range is checked below, so -1 and 0 get the same message.
        Double rate = in.number("rate", Double.NEGATIVE_INFINITY);
        if (rate == null && !in.has("rate")) {
            in.missing("rate");
        } else if (rate != null && (rate <= 0 || rate > MAX_RATE)) {
            in.problem("rate", "must be above 0 and at most " + (long) MAX_RATE + " requests per second");
        }
        List<RequestKind> requests = requests(in);
        Map<String, List<BackendPhase>> backends = backends(in, duration);
        return new Scenario(duration, seed == null ? Scenario.DEFAULT_SEED : seed, region, rate == null ? 1 : rate,
                requests, backends);
    }

    /** One kind written inline ({@code method}, {@code path}, {@code headers}), or the {@code requests} array. */
    private static List<RequestKind> requests(FieldReader in) {
        boolean inline = in.has("path") || in.has("method") || in.has("headers");
        if (in.has("requests")) {
            if (inline) {
                in.problem("requests", "give either requests or method/path/headers, not both");
            }
            return in.requiredObjects("requests", new RequestKindBinder(true));
        }
        if (!in.has("path")) {
            in.problem("a request stream is needed: \"path\" (with \"method\" and \"headers\") or \"requests\"");
            return List.of();
        }
        RequestKind kind = new RequestKindBinder(false).bind(in);
        return kind == null ? List.of() : List.of(kind);
    }

    /** {@code backends}: backend id to its phases, in time order and not overlapping. */
    private Map<String, List<BackendPhase>> backends(FieldReader in, Duration duration) {
        Map<String, List<BackendPhase>> result = new LinkedHashMap<>();
        JsonObject object = in.map("backends");
        if (object == null) {
            return result;
        }
        for (Member member : object.members().values()) {
            String path = in.fieldPath("backends") + "." + member.name();
            if (!knownBackend(in, member, path)) {
                continue;
            }
            if (!(member.value() instanceof JsonArray array)) {
                in.context().problem(path, member.value().location(),
                        "expected an array of phases, found " + JsonTree.describe(member.value()));
                continue;
            }
            List<BackendPhase> phases = new ArrayList<>();
            for (int i = 0; i < array.items().size(); i++) {
                String itemPath = JsonPaths.index(path, i);
                JsonTree item = array.items().get(i);
                BackendPhase phase = FieldReader.bind(item, itemPath, new BackendPhaseBinder(), in.context());
                if (phase == null || phase.from() == null) {
                    continue;
                }
                checkOrder(in, itemPath, item, phases, phase, duration);
                phases.add(phase);
            }
            result.put(member.name(), phases);
        }
        return result;
    }

    private boolean knownBackend(FieldReader in, Member member, String path) {
        BackendConfig backend = config.backend(member.name());
        if (backend == null) {
            List<String> singles = config.backends().values().stream().filter(b -> !b.isPool()).map(BackendConfig::id).toList();
            in.context().problem(path, member.nameLocation(), "unknown backend \"" + member.name() + "\"; the config's backends are "
                    + String.join(", ", singles) + DidYouMean.suffix(member.name(), singles));
            return false;
        }
        if (backend.isPool()) {
            in.context().problem(path, member.nameLocation(),
                    "\"" + member.name() + "\" is a pool; give phases to its member backends");
            return false;
        }
        return true;
    }

    private static void checkOrder(FieldReader in, String itemPath, JsonTree item, List<BackendPhase> earlier,
                                   BackendPhase phase, Duration duration) {
        String at = JsonPaths.field(itemPath, "from");
        var location = item instanceof JsonObject o && o.member("from") != null ? o.member("from").value().location() : item.location();
        if (!earlier.isEmpty()) {
            BackendPhase previous = earlier.getLast();
            if (previous.until() == null || phase.from().compareTo(previous.until()) < 0) {
                in.context().problem(at, location, "overlaps the phase before it (from " + previous.from()
                        + (previous.until() == null ? " to the end" : " until " + previous.until())
                        + "); phases must be in time order without overlapping");
            }
        }
        if (duration != null && phase.from().compareTo(duration) >= 0) {
            in.context().problem(at, location, "starts at or after the end of the scenario (duration " + duration + ")");
        }
    }
}
