package dev.switchboard.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.config.AccessLogConfig;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
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

    @Test
    void timesAreTheFormattersWhateverTheSecondAndFraction() throws IOException {
        DateTimeFormatter text = DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss.SSS", Locale.ROOT).withZone(ZoneOffset.UTC);
        SplittableRandom random = new SplittableRandom(15);
        List<ExchangeRecord> records = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            // Runs of the same second, jumps back and forth across years, and every fraction width.
            long second = i % 3 == 0 ? 1_796_000_000L + i / 3 : random.nextLong(0, 4_102_444_800L);
            int nanos = switch (i % 4) {
                case 0 -> 0;
                case 1 -> random.nextInt(1_000) * 1_000_000;
                case 2 -> random.nextInt(1_000_000) * 1_000;
                default -> random.nextInt(1_000_000_000);
            };
            records.add(new ExchangeRecord(Instant.ofEpochSecond(second, nanos), 0, "c", "GET", "/"));
        }
        String[] json = new String(lines(AccessLogConfig.Format.JSON, records), StandardCharsets.UTF_8).split("\n");
        String[] texts = new String(lines(AccessLogConfig.Format.TEXT, records), StandardCharsets.UTF_8).split("\n");
        for (int i = 0; i < records.size(); i++) {
            Instant time = records.get(i).time;
            assertThat(json[i]).startsWith("{\"time\":\"" + time + "\",");
            assertThat(texts[i]).startsWith("c [" + text.format(time) + "] ");
        }
    }

    private static byte[] lines(AccessLogConfig.Format format) throws IOException {
        return lines(format, SampleExchanges.all());
    }

    private static byte[] lines(AccessLogConfig.Format format, List<ExchangeRecord> records) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
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
