package dev.switchboard.apim;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.config.Bom;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Reads an APIOps extractor folder: {@code backends/NAME/backendInformation.json},
 * {@code apis/NAME/apiInformation.json}, {@code apis/NAME/policy.xml},
 * {@code apis/NAME/operations/OP/operationInformation.json} and {@code .../policy.xml}, {@code policy.xml} (global)
 * and {@code namedValues/NAME/namedValueInformation.json}; each JSON holds {@code {"properties": {...}}} as in ARM.
 */
final class ApiOpsFolderReader {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** What an extract holds at its top; a folder with none of them is some other folder, not an empty estate. */
    private static final List<String> TOP_LEVEL = List.of("backends", "apis", "namedValues", "policy.xml");

    private final Path root;
    private final ApimEstate estate;

    private ApiOpsFolderReader(Path root, ApimEstate estate) {
        this.root = root;
        this.estate = estate;
    }

    static void read(Path root, ApimEstate estate) throws IOException, ImportException {
        if (TOP_LEVEL.stream().noneMatch(entry -> Files.exists(root.resolve(entry)))) {
            throw new ImportException(root + ": not an APIOps extractor folder: expected backends/, apis/, namedValues/ or policy.xml in it");
        }
        ApiOpsFolderReader reader = new ApiOpsFolderReader(root, estate);
        for (Path dir : subfolders(root.resolve("namedValues"))) {
            JsonNode properties = reader.properties(dir.resolve("namedValueInformation.json"));
            if (properties != null && properties.path("value").isTextual()) {
                estate.namedValues.put(dir.getFileName().toString(), properties.path("value").asText());
                estate.namedValues.put(properties.path("displayName").asText(dir.getFileName().toString()), properties.path("value").asText());
            }
        }
        for (Path dir : subfolders(root.resolve("backends"))) {
            Path file = dir.resolve("backendInformation.json");
            if (reader.properties(file) instanceof ObjectNode properties) {
                String name = dir.getFileName().toString();
                estate.backends.put(name, new ApimEstate.Backend(name, properties, SourceRef.file(reader.display(file))));
            }
        }
        for (Path dir : subfolders(root.resolve("apis"))) {
            reader.api(dir);
        }
        Path global = root.resolve("policy.xml");
        if (Files.isRegularFile(global)) {
            estate.globalPolicy = reader.policy(global);
        }
    }

    private void api(Path dir) throws IOException, ImportException {
        ApimEstate.Api api = estate.api(dir.getFileName().toString());
        Path info = dir.resolve("apiInformation.json");
        JsonNode properties = properties(info);
        if (properties != null) {
            api.path = properties.path("path").asText(null);
            api.serviceUrl = properties.path("serviceUrl").asText(null);
            api.source = SourceRef.file(display(info));
        }
        if (Files.isRegularFile(dir.resolve("policy.xml"))) {
            api.policy = policy(dir.resolve("policy.xml"));
        }
        for (Path op : subfolders(dir.resolve("operations"))) {
            String name = op.getFileName().toString();
            Path opInfo = op.resolve("operationInformation.json");
            JsonNode opProperties = properties(opInfo);
            SourceRef source = SourceRef.file(display(Files.isRegularFile(opInfo) ? opInfo : op));
            if (opProperties != null) {
                api.operations.put(name, new ApimEstate.Operation(name, opProperties.path("method").asText("GET"),
                        opProperties.path("urlTemplate").asText("/"), source));
            }
            if (Files.isRegularFile(op.resolve("policy.xml"))) {
                api.operationPolicies.put(name, policy(op.resolve("policy.xml")));
            }
        }
    }

    private ApimEstate.PolicyText policy(Path file) throws IOException {
        return new ApimEstate.PolicyText(Bom.strip(Files.readString(file, StandardCharsets.UTF_8)), SourceRef.file(display(file)));
    }

    /** The {@code properties} object of a JSON file; null when the file is absent. A syntax error names the file. */
    private JsonNode properties(Path file) throws IOException, ImportException {
        if (!Files.isRegularFile(file)) {
            return null;
        }
        JsonNode node;
        try {
            node = JSON.readTree(file.toFile());
        } catch (JsonProcessingException e) {
            throw new ImportException(file + ":" + e.getLocation().getLineNr() + ":" + e.getLocation().getColumnNr()
                    + ": not valid JSON: " + e.getOriginalMessage());
        }
        return node.has("properties") ? node.get("properties") : node;
    }

    private String display(Path file) {
        return root.getFileName() + "/" + root.relativize(file).toString().replace('\\', '/');
    }

    private static List<Path> subfolders(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> list = Files.list(dir)) {
            return list.filter(Files::isDirectory).sorted().toList();
        }
    }
}
