package dev.switchboard.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.sim.SimBackend;
import dev.switchboard.testing.Eventually;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TrafficGeneratorTest {

    private final SimBackend backend = new SimBackend("target");

    @BeforeEach
    void start() {
        backend.start(new InetSocketAddress("127.0.0.1", 0));
    }

    @AfterEach
    void stop() {
        backend.close();
    }

    @Test
    void sendsRealRequestsAndCountsTheAnswersByStatusClass() {
        URI target = URI.create("http://127.0.0.1:" + backend.port() + "/orders");
        try (TrafficGenerator generator = new TrafficGenerator(List.of(target), 200, Duration.ofSeconds(2), 50)) {
            generator.start();
            AtomicLong ok = new AtomicLong();
            Eventually.await("30 answered requests", Duration.ofSeconds(10), () -> {
                TrafficSample sample = generator.counters().drain();
                assertThat(sample.statusClass(5)).isZero();
                return ok.addAndGet(sample.statusClass(2)) >= 30;
            });
            assertThat(backend.counters().requests()).isGreaterThanOrEqualTo(30);
        }
    }

    @Test
    void boundsOutstandingRequestsWhenTheTargetHangs() {
        backend.updateBehavior(b -> b.withHang(true));
        URI target = URI.create("http://127.0.0.1:" + backend.port() + "/");
        try (TrafficGenerator generator = new TrafficGenerator(List.of(target), 500, Duration.ofSeconds(30), 5)) {
            generator.start();
            AtomicLong skipped = new AtomicLong();
            Eventually.await("requests skipped while 5 hang", Duration.ofSeconds(10),
                    () -> skipped.addAndGet(generator.counters().drain().skipped()) > 20);
            assertThat(generator.inFlight()).isLessThanOrEqualTo(5);
        }
    }

    @Test
    void refusesANegativeRateAndKeepsTheOldOne() {
        URI target = URI.create("http://127.0.0.1:" + backend.port() + "/");
        try (TrafficGenerator generator = new TrafficGenerator(List.of(target), 0, Duration.ofSeconds(1), 5)) {
            assertThatThrownBy(() -> generator.setRate(-1))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("rate must be a finite number >= 0");
            assertThat(generator.rate()).isZero();
        }
    }
}
