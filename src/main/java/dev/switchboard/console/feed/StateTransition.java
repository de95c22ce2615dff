package dev.switchboard.console.feed;

/**
 * A breaker, availability or admin-state change a gateway recorded before the console saw it (from a snapshot's event
 * ring, where admin changes are the operators' audit records), so a freshly started console can draw the recent past
 * on its timeline.
 *
 * @param backendId empty for an admin change of every backend (all overrides cleared)
 * @param atMillis  when the gateway recorded it, epoch millis
 * @param from      the state before, a name of the kind's states; null when the record does not say
 * @param to        the state after; null for an admin state back to what the config says (not in the record)
 */
public record StateTransition(String backendId, long atMillis, Kind kind, String from, String to, String reason) {

    /** Which of a backend's states changed. */
    public enum Kind {
        BREAKER,
        AVAILABILITY,
        ADMIN
    }
}
