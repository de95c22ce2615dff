package dev.switchboard.console.events;

import dev.switchboard.console.feed.ConsoleEvent;
import dev.switchboard.console.feed.EventKind;
import java.io.StringWriter;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class EventLogModelTest {

    private final EventLogModel log = new EventLogModel();

    @Test
    void filtersCombineAndTheCsvHoldsWhatIsShownQuotedWhereNeeded() throws Exception {
        log.addAll(List.of(
                event("gw1", "east-1", EventKind.BREAKER, "breaker CLOSED -> OPEN: 3 failures, \"503\""),
                event("gw1", "west-1", EventKind.AVAILABILITY, "available"),
                event("gw2", "east-1", EventKind.BREAKER, "breaker OPEN -> HALF_OPEN")));
        log.gatewayFilterProperty().set("gw1");
        log.kindFilterProperty().set(EventKind.BREAKER);
        log.backendFilterProperty().set("east");
        assertThat(log.shown()).hasSize(1);

        StringWriter csv = new StringWriter();
        log.writeCsv(csv);
        assertThat(csv.toString()).isEqualTo("time,gateway,backend,kind,message\r\n"
                + "1970-01-01T00:00:01Z,gw1,east-1,BREAKER,\"breaker CLOSED -> OPEN: 3 failures, \"\"503\"\"\"\r\n");

        log.gatewayFilterProperty().set(null);
        log.kindFilterProperty().set(null);
        log.backendFilterProperty().set("");
        assertThat(log.shown()).hasSize(3);
    }

    @Test
    void aBackendFilterKeepsTheOperatorRowsThatNameTheBackend() {
        log.addAll(List.of(
                event("gw1", "", EventKind.OPERATOR, "weight of orders/east-1 set to 20 (version 3)"),
                event("gw1", "", EventKind.OPERATOR, "weight of orders/west-1 set to 80 (version 4)"),
                event("gw1", "", EventKind.CONFIG, "config applied (version 5)"),
                event("gw1", "east-1", EventKind.BREAKER, "breaker CLOSED -> OPEN")));
        log.backendFilterProperty().set("east-1");
        assertThat(log.shown()).extracting(ConsoleEvent::message).containsExactly(
                "weight of orders/east-1 set to 20 (version 3)", "breaker CLOSED -> OPEN");
    }

    @Test
    void keepsOnlyTheNewestEvents() {
        for (int i = 0; i < EventLogModel.MAX_EVENTS + 10; i++) {
            log.addAll(List.of(event("gw", "b" + i, EventKind.PROBE, "x")));
        }
        assertThat(log.shown()).hasSize(EventLogModel.MAX_EVENTS);
        assertThat(log.shown().getFirst().backendId()).isEqualTo("b10");
    }

    private static ConsoleEvent event(String gw, String backend, EventKind kind, String message) {
        return new ConsoleEvent(Instant.ofEpochSecond(1), gw, backend, kind, false, message);
    }
}
