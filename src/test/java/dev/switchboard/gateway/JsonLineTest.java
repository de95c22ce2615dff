package dev.switchboard.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The access log's hand-written JSON: what a JSON parser reads back, ASCII only; and Instant's own text for times. */
class JsonLineTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void stringsComeBackAsWrittenAndTheLineIsAscii() throws Exception {
        String tricky = "q\"uote \\ back\nline\ttab\u0001 caf\u00e9 \u20ac del\u007f";
        StringBuilder out = new StringBuilder();
        new JsonLine(out).startObject()
                .field("s", tricky).field("none", (String) null).field("n", 42L).hundredths("ms", 125).field("ok", true)
                .startArray("items").startObject().field("a", "b").endObject().startObject().endObject().endArray()
                .endObject();

        assertThat(out.chars()).allMatch(c -> c >= 0x20 && c < 0x7F);
        JsonNode node = JSON.readTree(out.toString());
        assertThat(node.get("s").asText()).isEqualTo(tricky);
        assertThat(node.get("none").isNull()).isTrue();
        assertThat(node.get("n").asLong()).isEqualTo(42);
        assertThat(node.get("ms").asDouble()).isEqualTo(1.25);
        assertThat(node.get("ok").asBoolean()).isTrue();
        assertThat(node.get("items")).hasSize(2);
        assertThat(node.get("items").get(0).get("a").asText()).isEqualTo("b");
    }

    @Test
    void hundredthsPrintAsDoubleToStringDoes() {
        long[] edges = {0, 1, 5, 9, 10, 11, 50, 99, 100, 101, 105, 110, 125, 999, 1000, 123_456, 999_999_999L, 1_000_000_000L,
                1_234_567_891L, Long.MAX_VALUE / 2, -1, -125};
        SplittableRandom random = new SplittableRandom(15);
        for (int i = 0; i < 200_000 + edges.length; i++) {
            long hundredths = i < edges.length ? edges[i] : random.nextLong(1, 1L << random.nextInt(1, 40));
            assertThat(JsonLine.appendHundredths(new StringBuilder(), hundredths).toString())
                    .as("%d hundredths", hundredths).isEqualTo(Double.toString(hundredths / 100.0));
        }
    }

    @Test
    void escapesAtEitherEndAndBackToBackComeBackAsWritten() throws Exception {
        String[] values = {"", "plain", "\"", "\"lead", "trail\\", "\n\n\u00e9\"", "a\"b\\c\u0000d"};
        StringBuilder out = new StringBuilder();
        JsonLine line = new JsonLine(out).startObject();
        for (int i = 0; i < values.length; i++) {
            line.field("v" + i, values[i]);
        }
        line.endObject();

        JsonNode node = JSON.readTree(out.toString());
        for (int i = 0; i < values.length; i++) {
            assertThat(node.get("v" + i).asText()).isEqualTo(values[i]);
        }
    }

    @Test
    void instantTextIsInstantsOwnWhateverTheFraction() {
        for (int nanos : new int[] {0, 1_000_000, 120_000_000, 1_000, 123_456_000, 1, 123_456_789}) {
            for (long second : new long[] {1_796_000_000L, 1_796_000_001L, 1_796_000_000L, 0}) {
                Instant time = Instant.ofEpochSecond(second, nanos);
                assertThat(InstantText.of(time)).isEqualTo(time.toString());
            }
        }
    }
}
