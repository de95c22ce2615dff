package dev.switchboard.apim;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/** The {@code --named-values} file: a JSON object of named value name → string value. */
public final class NamedValuesFile {

    private NamedValuesFile() {
    }

    /** The values; an empty map for no file. */
    public static Map<String, String> read(Path file) throws ImportException {
        if (file == null) {
            return Map.of();
        }
        try {
            return new ObjectMapper().readValue(file.toFile(), new TypeReference<Map<String, String>>() { });
        } catch (IOException e) {
            throw new ImportException("cannot read the named values " + file + ": " + e.getMessage()
                    + " (expected a JSON object of name -> string value)");
        }
    }
}
