package dev.switchboard.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The engine, config and the traffic profiles' decision logic (package dns, not its server) must stay free of UI and
 * network code so they can be reused and tested alone.
 */
class EngineHasNoUiOrNetworkImportsTest {

    /** A source folder and how deep below it the rule holds. */
    private record Root(Path path, int depth) {
    }

    private static final List<Root> ROOTS = List.of(
            new Root(Path.of("src/main/java/dev/switchboard/engine"), Integer.MAX_VALUE),
            new Root(Path.of("src/main/java/dev/switchboard/config"), Integer.MAX_VALUE),
            new Root(Path.of("src/main/java/dev/switchboard/dns"), 1));

    @Test
    void engineAndConfigImportNeitherJavafxNorNetty() throws IOException {
        List<String> offenders = new java.util.ArrayList<>();
        for (Root root : ROOTS) {
            assertThat(root.path()).isDirectory();
            try (Stream<Path> files = Files.walk(root.path(), root.depth())) {
                for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                    List<String> lines = Files.readAllLines(f);
                    for (int i = 0; i < lines.size(); i++) {
                        String line = lines.get(i).trim();
                        if (line.startsWith("import javafx") || line.startsWith("import io.netty")
                                || line.startsWith("import static javafx") || line.startsWith("import static io.netty")) {
                            offenders.add(f + ":" + (i + 1) + ": " + line);
                        }
                    }
                }
            }
        }
        assertThat(offenders).as("UI/network imports in engine or config").isEmpty();
    }
}
