package dev.switchboard.telemetry;

import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** A test class whose every test gets its own {@link TelemetryHarness} (a fresh gateway, audit log and overrides). */
abstract class FreshHarness {

    /** How long a test waits for something to arrive over the sockets. */
    static final Duration WAIT = Duration.ofSeconds(10);

    TelemetryHarness h;

    @BeforeEach
    void startHarness() {
        h = new TelemetryHarness();
    }

    @AfterEach
    void stopHarness() {
        h.close();
    }
}
