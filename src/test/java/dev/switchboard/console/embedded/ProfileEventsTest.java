package dev.switchboard.console.embedded;

import dev.switchboard.console.feed.ConsoleEvent;
import dev.switchboard.console.feed.EventKind;
import dev.switchboard.dns.MonitorStatus;
import dev.switchboard.dns.ProfileEvent;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** In-process profile events read as a remote gateway's telemetry events do (see TelemetryFramesTest). */
class ProfileEventsTest {

    private static final Instant T = Instant.ofEpochSecond(1);

    @Test
    void statusAndAnswerChangesAreWordedAsTheirTelemetryEvents() {
        assertThat(ProfileEvents.toConsole("e", new ProfileEvent.EndpointStatusChanged(T, "api.orders.test", "east",
                MonitorStatus.ONLINE, MonitorStatus.DEGRADED, "2 failed probe(s) in a row")))
                .isEqualTo(new ConsoleEvent(T, "e", "api.orders.test/east", EventKind.DNS_MONITOR, false,
                        "monitor ONLINE -> DEGRADED: 2 failed probe(s) in a row"));
        assertThat(ProfileEvents.toConsole("e", new ProfileEvent.AnswerChanged(T, "api.orders.test", List.of(), false, 30)))
                .isEqualTo(new ConsoleEvent(T, "e", "api.orders.test", EventKind.DNS_ANSWER, true,
                        "answer NXDOMAIN; resolvers may keep the old one for 30 s"));
    }
}
