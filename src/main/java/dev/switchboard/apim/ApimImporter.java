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
import java.util.ArrayList;
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

    /**
     * The config and the report of every element. The config is null when what could be translated does not make a
     * config that loads (no backend at all is left, for one); {@code noConfig} then says why.
     */
    public record Result(GatewayConfig config, ImportReport report, String noConfig) {
    }

    private final ImportReport report = new ImportReport();
    private final ApimEstate estate = new ApimEstate();
    private String noConfig;

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
        importer.checkPoliciesAreXml();
        GatewayConfig config = importer.translate(region);
        return new Result(config, importer.report, config == null ? importer.noConfig : null);
    }

    /**
     * A policy that is not well-formed XML makes its input unreadable, like a JSON file with a syntax error: nothing
     * of that policy can be translated or even listed, so the import stops there with the file, line and column.
     */
    private void checkPoliciesAreXml() throws ImportException {
        List<ApimEstate.PolicyText> texts = new ArrayList<>();
        if (estate.globalPolicy != null) {
            texts.add(estate.globalPolicy);
        }
        for (ApimEstate.Api api : estate.apis.values()) {
            if (api.policy != null) {
                texts.add(api.policy);
            }
            texts.addAll(api.operationPolicies.values());
        }
        for (ApimEstate.PolicyText text : texts) {
            PolicyXml.Parsed parsed = PolicyXml.parse(text.xml(), text.source(), estate.namedValues);
            if (parsed.root() == null) {
                throw new ImportException(parsed.errorAt() + ": policy: not well-formed XML: " + parsed.error());
            }
        }
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
                sources.put("apis[" + api.name + "]", ApiTranslator.sourceOf(api));
            }
        }
        implicit.all().forEach((url, id) -> {
            backends.putObject(id).put("url", url);
            sources.put("backends." + id, implicit.source(id));
        });
        if (backends.isEmpty()) {
            // Each backend that was read is listed with its own reason; this is why there is no config at all.
            noConfig = "no backend could be translated, and a config must define at least one";
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
                // Not inside an api or a backend (all backends were left out, say): no element to take out, no config.
                noConfig = "what is left does not load: " + problem.path() + ": " + problem.message();
                return null;
            }
        }
        noConfig = "what is left still does not load after " + MAX_PRUNES + " elements were left out";
        return null;
    }
}
