package dev.switchboard.console.dns;

import dev.switchboard.console.feed.ProfileFrame;
import java.util.List;

/**
 * What a traffic profile answers: the targets a query may get, or NXDOMAIN.
 *
 * @param exists false for NXDOMAIN (then {@code targets} is empty)
 */
public record DnsAnswer(boolean exists, List<String> targets) {

    public DnsAnswer {
        targets = List.copyOf(targets);
    }

    public static DnsAnswer of(ProfileFrame profile) {
        return new DnsAnswer(profile.exists(), profile.exists() ? profile.answer() : List.of());
    }

    /** A DNS action's acknowledgement, which says NXDOMAIN with an empty answer. */
    public static DnsAnswer ofAck(List<String> answer) {
        return new DnsAnswer(!answer.isEmpty(), answer);
    }

    /** "127.0.0.11", "127.0.0.11, 127.0.0.21" or "NXDOMAIN". */
    public String text() {
        return exists ? String.join(", ", targets) : "NXDOMAIN";
    }
}
