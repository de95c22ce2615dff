package dev.switchboard.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.sim.SimBackend;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The drill's schedule, driven with explicit elapsed times (the simulators are not started: only behaviour changes). */
class DrillScriptTest {

    private final Map<String, SimBackend> backends = new LinkedHashMap<>();
    private final List<String> announced = new ArrayList<>();

    @AfterEach
    void close() {
        backends.values().forEach(SimBackend::close);
    }

    @Test
    void appliesEachStepWhenDueAndRepeatsEveryCycle() {
        backends.put("orders-east-1", new SimBackend("orders-east-1"));
        backends.put("orders-east-2", new SimBackend("orders-east-2"));
        DrillScript script = new DrillScript(backends, announced::add);

        script.advance(Duration.ofSeconds(9));
        assertThat(announced).isEmpty();
        script.advance(Duration.ofSeconds(10));
        assertThat(announced).containsExactly("drill: orders-east-1 starts answering 503");
        assertThat(backends.get("orders-east-1").behavior().status()).isEqualTo(503);

        script.advance(Duration.ofSeconds(56));
        assertThat(backends.get("orders-east-1").behavior().status()).isEqualTo(200);
        assertThat(backends.get("orders-east-2").behavior().refuseConnections()).isTrue();

        script.advance(DrillScript.CYCLE.plusSeconds(10));
        assertThat(announced).hasSize(DrillScript.STEPS.size() + 1).last()
                .isEqualTo("drill: orders-east-1 starts answering 503");
        assertThat(backends.get("orders-east-2").behavior().refuseConnections()).isFalse();
    }
}
