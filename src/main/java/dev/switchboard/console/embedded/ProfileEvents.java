package dev.switchboard.console.embedded;

import dev.switchboard.console.feed.ConsoleEvent;
import dev.switchboard.console.feed.ConsoleEvents;
import dev.switchboard.dns.ProfileEvent;

/** Translates traffic-profile events into event-log entries, worded as a remote gateway's telemetry events are. */
final class ProfileEvents {

    private ProfileEvents() {
    }

    static ConsoleEvent toConsole(String gatewayId, ProfileEvent event) {
        return switch (event) {
            case ProfileEvent.EndpointStatusChanged c -> ConsoleEvents.endpointStatus(c.at(), gatewayId, c.profile(),
                    c.endpoint(), c.from(), c.to(), c.reason());
            case ProfileEvent.AnswerChanged a -> ConsoleEvents.dnsAnswer(a.at(), gatewayId, a.profile(), a.answer(),
                    a.exists(), a.ttl());
        };
    }
}
