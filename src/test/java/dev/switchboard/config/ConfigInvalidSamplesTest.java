package dev.switchboard.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every file in test-data/invalid reports exactly the problems listed in its .expected sidecar. */
class ConfigInvalidSamplesTest {

    private static final Path DIR = Path.of("test-data", "invalid");

    static Stream<Path> samples() throws IOException {
        return Files.list(DIR).filter(p -> p.toString().endsWith(".json")).sorted();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void reportsExactlyTheExpectedProblems(Path sample) throws IOException {
        Path expected = Path.of(sample.toString().replaceFirst("\\.json$", ".expected"));
        ConfigResult result = ConfigLoader.load(sample);
        assertThat(result.problems()).extracting(ConfigProblem::toString)
                .containsExactlyElementsOf(Files.readAllLines(expected));
    }

    @Test
    void thereAreEnoughSamplesAndEachHasExpectations() throws IOException {
        assertThat(samples().toList()).hasSizeGreaterThanOrEqualTo(35)
                .allSatisfy(p -> assertThat(Path.of(p.toString().replaceFirst("\\.json$", ".expected"))).isNotEmptyFile());
    }
}
