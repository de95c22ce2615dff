package dev.switchboard.gateway;

import java.util.function.LongFunction;

/**
 * The text of the second a time falls in, formatted once per second: an access log line per request formatted the
 * whole date each time (a DateTimeFormatter was half the text line's cost). Threads may share one: each second's
 * text is an immutable snapshot that replaces the last.
 */
final class SecondText {

    private record Second(long epochSecond, String text) {
    }

    private final LongFunction<String> format;
    private volatile Second last;

    /** {@code format} turns an epoch second into its text. */
    SecondText(LongFunction<String> format) {
        this.format = format;
        this.last = new Second(0, format.apply(0));
    }

    String of(long epochSecond) {
        Second second = last;
        if (second.epochSecond() != epochSecond) {
            second = new Second(epochSecond, format.apply(epochSecond));
            last = second;
        }
        return second.text();
    }
}
