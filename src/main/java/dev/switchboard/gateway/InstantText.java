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
        StringBuilder text = new StringBuilder(30);
        write(time, AsciiSink.of(text));
        return text.toString();
    }

    /** Writes the text straight to {@code out}, without a String per line. */
    static void write(Instant time, AsciiSink out) {
        Second second = last;
        if (second.epochSecond() != time.getEpochSecond()) {
            String whole = Instant.ofEpochSecond(time.getEpochSecond()).toString();
            second = new Second(time.getEpochSecond(), whole.substring(0, whole.length() - 1));
            last = second;
        }
        out.ascii(second.text(), 0, second.text().length());
        int nanos = time.getNano();
        if (nanos != 0) {
            out.ascii('.');
            // Zeros, then the digits: a digit at a time took two divisions by a variable each, a tenth of the line.
            int unit = nanos % 1_000_000 == 0 ? 1_000_000 : nanos % 1_000 == 0 ? 1_000 : 1;
            int fraction = nanos / unit;
            for (int place = 100_000_000 / unit; place > fraction; place /= 10) {
                out.ascii('0');
            }
            out.decimal(fraction);
        }
        out.ascii('Z');
    }
}
