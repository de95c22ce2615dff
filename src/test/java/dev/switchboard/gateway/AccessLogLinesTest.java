package dev.switchboard.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.config.AccessLogConfig;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The lines' bytes are a contract: the sample exchanges' lines, in both formats, and their decision traces are
 * compared with the files under test resources, which the formatter of commit 1d08e31 wrote. A mismatch leaves
 * what was written in target/ to diff against them.
 */
class AccessLogLinesTest {

    @Test
    void jsonLinesAreByteForByteTheDocumentedOnes() throws IOException {
        assertMatches("access-log-samples.jsonl", lines(AccessLogConfig.Format.JSON));
    }

    @Test
    void textLinesAreByteForByteTheDocumentedOnes() throws IOException {
        assertMatches("access-log-samples.log", lines(AccessLogConfig.Format.TEXT));
    }

    @Test
    void decisionTracesAreByteForByteTheDocumentedOnes() throws IOException {
        StringBuilder traces = new StringBuilder();
        for (ExchangeRecord r : SampleExchanges.all()) {
            traces.append(RecordJson.trace(r)).append('\n');
        }
        assertMatches("decision-trace-samples.jsonl", traces.toString().getBytes(StandardCharsets.US_ASCII));
    }

    private static byte[] lines(AccessLogConfig.Format format) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        List<ExchangeRecord> records = SampleExchanges.all();
        try (AccessLogWriter writer = new AccessLogWriter(AccessLogFormat.of(format), out)) {
            for (ExchangeRecord r : records) {
                writer.write(r);
            }
        }
        return out.toByteArray();
    }

    private static void assertMatches(String resource, byte[] actual) throws IOException {
        byte[] expected;
        try (InputStream in = AccessLogLinesTest.class.getResourceAsStream(resource)) {
            expected = in == null ? new byte[0] : in.readAllBytes();
        }
        if (!java.util.Arrays.equals(expected, actual)) {
            Path written = Path.of("target", "actual-" + resource);
            Files.write(written, actual);
            assertThat(new String(actual, StandardCharsets.UTF_8)).as("%s (what was written is in %s)", resource, written)
                    .isEqualTo(new String(expected, StandardCharsets.UTF_8));
        }
        assertThat(actual).isEqualTo(expected);
    }
}
