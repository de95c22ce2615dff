package dev.switchboard.apim;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.config.ConfigLoader;
import dev.switchboard.config.ConfigProblem;
import dev.switchboard.config.ConfigResult;
import dev.switchboard.config.GatewayConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code switchboard import apim}: reads ARM templates and APIOps folders, translates backends and policies into a
 * gateway config, and checks it with the config loader. What the loader rejects is taken out and reported, so the
 * config that comes back always loads.
 */
public final class ApimImporter {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_PRUNES = 100;

    /** The config (null when nothing could be translated) and the report of every element. */
    public record Result(GatewayConfig config, ImportReport report) {
    }

    private final ImportReport report = new ImportReport();
    private final ApimEstate estate = new ApimEstate();

    private ApimImporter() {
    }

    /**
     * @param inputs      ARM template files and APIOps folders
     * @param namedValues values from --named-values; they win over the input's
     * @param region      the gateway's region for context.Deployment.Region; null for none
     * @throws ImportException when an input cannot be read at all
     */
    public static Result run(List<Path> inputs, Map<String, String> namedValues, String region) throws ImportException {
        ApimImporter importer = new ApimImporter();
        for (Path input : inputs) {
            importer.read(input);
        }
        importer.estate.namedValues.putAll(namedValues);
        return new Result(importer.translate(region), importer.report);
    }

    private void read(Path input) throws ImportException {
        try {
            if (Files.isDirectory(input)) {
                ApiOpsFolderReader.read(input, estate);
                return;
            }
            JsonNode root = JSON.readTree(input.toFile());
            if (root == null || !root.path("resources").isArray()) {
                throw new ImportException(input + ": not an ARM template (no \"resources\" array) and not an APIOps folder");
            }
            ArmTemplateReader.read(input.toString(), root, estate, report);
        } catch (JsonProcessingException e) {
            throw new ImportException(input + ":" + e.getLocation().getLineNr() + ":" + e.getLocation().getColumnNr()
                    + ": not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new ImportException("cannot read " + input + ": " + e.getMessage());
        }
    }

    private GatewayConfig translate(String region) {
        ObjectNode config = JSON.createObjectNode();
        if (region != null) {
            config.putObject("gateway").put("region", region);
        }
        ObjectNode backends = config.putObject("backends");
        BackendTranslator backendTranslator = new BackendTranslator(report, estate.namedValues);
        Map<String, SourceRef> sources = new LinkedHashMap<>();
        estate.backends.values().forEach(backend -> {
            ObjectNode json = backendTranslator.translate(backend);
            if (json != null) {
                backends.set(backend.name(), json);
                sources.put("backends." + backend.name(), backend.source());
            }
        });
        ImplicitBackends implicit = new ImplicitBackends(estate.backends.keySet());
        InboundTranslator inbound = new InboundTranslator(report, implicit, estate.backends.keySet());
        PolicyNode global = ApiTranslator.parse(estate.globalPolicy, estate.namedValues, report);
        ApiTranslator apis = new ApiTranslator(report, implicit, inbound, estate.namedValues, global);
        ArrayNode apiArray = config.putArray("apis");
        for (ApimEstate.Api api : estate.apis.values()) {
            ObjectNode json = apis.translate(api);
            if (json != null) {
                apiArray.add(json);
                sources.put("apis[" + api.name + "]", api.source == null ? SourceRef.file(api.name) : api.source);
            }
        }
        implicit.all().forEach((url, id) -> backends.putObject(id).put("url", url));
        if (backends.isEmpty()) {
            report.unsupported(SourceRef.file("input"), "backends", "nothing to route to: no backend could be translated", null);
            return null;
        }
        return validated(config, sources);
    }

    /** Loads the config, taking out each element the loader rejects (with its problem) until it loads. */
    private GatewayConfig validated(ObjectNode config, Map<String, SourceRef> sources) {
        for (int round = 0; round < MAX_PRUNES; round++) {
            ConfigResult result = ConfigLoader.parse(config.toPrettyString());
            if (result instanceof ConfigResult.Valid valid) {
                return valid.config();
            }
            ConfigProblem problem = result.problems().getFirst();
            if (!ConfigPruner.remove(config, problem.path(), report, sources, problem.message())) {
                report.unsupported(SourceRef.file("output"), problem.path(), problem.message(), null);
                return null;
            }
        }
        return null;
    }
}
