package dev.switchboard.engine.breaker;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** Parses an HTTP Retry-After value (RFC 9110 10.2.3): delta-seconds or an IMF-fixdate HTTP-date. */
public final class RetryAfter {

    private RetryAfter() {
    }

    /**
     * The wait the header asks for, or null when it is absent, unparseable or not in the future (the caller then
     * falls back to its own duration).
     */
    public static Duration parse(String header, Instant now) {
        if (header == null) {
            return null;
        }
        String value = header.trim();
        if (value.isEmpty()) {
            return null;
        }
        if (isDigits(value)) {
            long seconds = value.length() > 12 ? Long.MAX_VALUE / 1_000_000_000L : Long.parseLong(value);
            return seconds > 0 ? Duration.ofSeconds(seconds) : null;
        }
        try {
            Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            Duration wait = Duration.between(now, at);
            return wait.isNegative() || wait.isZero() ? null : wait;
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static boolean isDigits(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }
}
