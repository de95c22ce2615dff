package dev.switchboard.apim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The --named-values file: its errors say where, in the file:line:column or name form the rest of the import uses. */
class NamedValuesFileTest {

    @Test
    void readsNameToString(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("nv.json"), "{ \"a\": \"x\", \"b\": 8080 }");
        assertThat(NamedValuesFile.read(file)).containsExactly(java.util.Map.entry("a", "x"), java.util.Map.entry("b", "8080"));
    }

    @Test
    void aSyntaxErrorSaysFileLineAndColumn(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("nv.json"), "{\n  \"a\": \"x\",\n}\n");
        assertThatThrownBy(() -> NamedValuesFile.read(file)).hasMessageStartingWith(file + ":3:1: named values: not valid JSON: ");
    }

    @Test
    void aValueThatIsNotAStringIsNamed(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("nv.json"), "{ \"a\": \"x\", \"b\": { \"c\": 2 } }");
        assertThatThrownBy(() -> NamedValuesFile.read(file)).hasMessageStartingWith(file + ": named value \"b\": not a string, number or boolean but object");
    }
}
