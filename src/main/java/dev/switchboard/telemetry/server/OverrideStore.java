package dev.switchboard.telemetry.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.engine.AdminState;
import dev.switchboard.engine.Engine;
import dev.switchboard.engine.RuntimeOverrides;
import dev.switchboard.telemetry.protocol.Protocol;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps runtime overrides (weights, priorities, admin states) in {@code <config>.overrides.json} so they survive a
 * restart. The rule, the engine's own: an override wins over the config file until an operator clears it
 * ({@code clearOverrides}); one whose pool member or backend no longer exists in the file is dropped, at a reload
 * and at a restart alike.
 */
final class OverrideStore {

    private static final Logger LOG = LoggerFactory.getLogger(OverrideStore.class);

    private final Path file;

    /** The overrides of {@code configFile}, kept in {@code dir} as {@code <config file name>.overrides.json}. */
    OverrideStore(Path configFile, Path dir) {
        this.file = dir.toAbsolutePath().resolve(configFile.getFileName() + ".overrides.json");
    }

    Path file() {
        return file;
    }

    /** Writes the overrides (atomically: a crash leaves the old file or the new one, never half of one). */
    void save(RuntimeOverrides overrides) throws IOException {
        ObjectNode root = Protocol.MAPPER.createObjectNode();
        ArrayNode weights = root.putArray("weights");
        overrides.weights().forEach((k, v) -> weights.addObject().put("pool", k.poolId()).put("backend", k.backendId()).put("value", v));
        ArrayNode priorities = root.putArray("priorities");
        overrides.priorities().forEach((k, v) -> priorities.addObject().put("pool", k.poolId()).put("backend", k.backendId()).put("value", v));
        ArrayNode states = root.putArray("adminStates");
        overrides.adminStates().forEach((k, v) -> states.addObject().put("backend", k).put("state", v.name()));
        Path temp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(temp, Protocol.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(root), StandardCharsets.UTF_8);
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /**
     * Re-applies saved overrides to {@code engine}; those naming members or backends the config no longer has are
     * dropped with a log line, and the file is written again without them: left in it, a dropped override came back
     * at a later restart once its member was back in the config, though nobody had set it since. A missing file
     * means none.
     *
     * @return how many were applied
     */
    int restore(Engine engine) throws IOException {
        if (!Files.exists(file)) {
            return 0;
        }
        JsonNode root = Protocol.MAPPER.readTree(Files.readString(file, StandardCharsets.UTF_8));
        int saved = 0;
        int applied = 0;
        for (JsonNode w : root.path("weights")) {
            saved++;
            applied += apply("weight " + w, () -> engine.setWeight(w.path("pool").asText(), w.path("backend").asText(), w.path("value").asInt()));
        }
        for (JsonNode p : root.path("priorities")) {
            saved++;
            applied += apply("priority " + p, () -> engine.setPriority(p.path("pool").asText(), p.path("backend").asText(), p.path("value").asInt()));
        }
        for (JsonNode s : root.path("adminStates")) {
            saved++;
            applied += apply("admin state " + s, () -> engine.setAdminState(s.path("backend").asText(), AdminState.valueOf(s.path("state").asText())));
        }
        if (applied < saved) {
            save(engine.overrides());
        }
        return applied;
    }

    private int apply(String what, Runnable edit) {
        try {
            edit.run();
            return 1;
        } catch (IllegalArgumentException e) {
            LOG.warn("dropping saved override {}: {}", what, e.getMessage());
            return 0;
        }
    }

    /** For audit records: what the overrides hold. */
    static String describe(RuntimeOverrides o) {
        return o.weights().size() + " weight(s), " + o.priorities().size() + " priority(ies), " + o.adminStates().size() + " admin state(s)";
    }
}
