package dev.switchboard.gateway;

import java.time.Instant;

/**
 * {@link Instant#toString()}'s text (ISO-8601, UTC, fraction in groups of three digits as needed) with the
 * date and time of day formatted once per second: an access log line per request formatted the whole date each time.
 */
final class InstantText {

    /** The text of one second, up to and without the fraction; immutable, so threads may share and replace it. */
    private record Second(long epochSecond, String text) {
    }

    private static volatile Second last = new Second(0, "1970-01-01T00:00:00");

    private InstantText() {
    }

    static String of(Instant time) {
        Second second = last;
        if (second.epochSecond() != time.getEpochSecond()) {
            String whole = Instant.ofEpochSecond(time.getEpochSecond()).toString();
            second = new Second(time.getEpochSecond(), whole.substring(0, whole.length() - 1));
            last = second;
        }
        int nanos = time.getNano();
        if (nanos == 0) {
            return second.text() + 'Z';
        }
        StringBuilder text = new StringBuilder(second.text().length() + 11).append(second.text()).append('.');
        int digits = nanos % 1_000_000 == 0 ? 3 : nanos % 1_000 == 0 ? 6 : 9;
        String fraction = Integer.toString(1_000_000_000 + nanos);
        return text.append(fraction, 1, 1 + digits).append('Z').toString();
    }
}
