package dev.switchboard.apim;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** The {@code --named-values} file: a JSON object of named value name → string value. */
public final class NamedValuesFile {

    private static final String EXPECTED = " (expected a JSON object of name -> string value)";

    private NamedValuesFile() {
    }

    /** The values; an empty map for no file. Errors say where, as FILE:LINE:COLUMN or by the value's name. */
    public static Map<String, String> read(Path file) throws ImportException {
        if (file == null) {
            return Map.of();
        }
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(file.toFile());
        } catch (JsonProcessingException e) {
            throw new ImportException(file + ":" + e.getLocation().getLineNr() + ":" + e.getLocation().getColumnNr()
                    + ": named values: not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new ImportException("cannot read the named values " + file + ": " + e.getMessage());
        }
        if (root == null || !root.isObject()) {
            throw new ImportException(file + ": named values: not a JSON object" + EXPECTED);
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> field : root.properties()) {
            if (!field.getValue().isValueNode() || field.getValue().isNull()) {
                throw new ImportException(file + ": named value \"" + field.getKey() + "\": not a string, number or boolean but "
                        + field.getValue().getNodeType().name().toLowerCase(Locale.ROOT) + EXPECTED);
            }
            values.put(field.getKey(), field.getValue().asText());
        }
        return values;
    }
}
