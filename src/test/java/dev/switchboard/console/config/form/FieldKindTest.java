package dev.switchboard.console.config.form;

import com.fasterxml.jackson.databind.node.MissingNode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FieldKindTest {

    @Test
    void valuesRoundTripAndWhatIsNotOfTheKindStaysTextForTheValidator() {
        assertThat(FieldKind.RANGES.write("500-599, 429").toString())
                .isEqualTo("[{\"min\":500,\"max\":599},{\"min\":429,\"max\":429}]");
        assertThat(FieldKind.RANGES.read(FieldKind.RANGES.write("500-599, 429"))).isEqualTo("500-599, 429");
        assertThat(FieldKind.RANGES.write("5xx").toString()).isEqualTo("[{\"min\":\"5xx\",\"max\":\"5xx\"}]");
        assertThat(FieldKind.NAMES.write("Timeout,ConnectionReset").toString()).isEqualTo("[\"Timeout\",\"ConnectionReset\"]");
        assertThat(FieldKind.NUMBER.write("35").isIntegralNumber()).isTrue();
        assertThat(FieldKind.NUMBER.write("1.4").asDouble()).isEqualTo(1.4);
        assertThat(FieldKind.NUMBER.write("many").isTextual()).isTrue();
        assertThat(FieldKind.FLAG.write("true").isBoolean()).isTrue();
        assertThat(FieldKind.TEXT.write("  ")).as("empty removes the field").isNull();
        assertThat(FieldKind.NUMBER.read(MissingNode.getInstance())).isEmpty();
    }

    @Test
    void aPathIsSpelledAsTheValidatorSpellsItAndContainsWhatLiesBelowIt() {
        JsonPath weight = JsonPath.ROOT.field("backends").field("p").resolve("pool.services").index(0).field("weight");
        assertThat(weight).hasToString("backends.p.pool.services[0].weight");
        JsonPath services = JsonPath.ROOT.resolve("backends.p.pool.services");
        assertThat(services.contains("backends.p.pool.services[0].id")).isTrue();
        assertThat(services.contains("backends.p.pool.services")).isTrue();
        assertThat(services.contains("backends.p.pool.servicesX")).isFalse();
        assertThat(JsonPath.ROOT).hasToString("$");
    }
}
