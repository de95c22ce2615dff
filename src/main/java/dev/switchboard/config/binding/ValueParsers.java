package dev.switchboard.config.binding;

import dev.switchboard.config.GatewayConfig;
import dev.switchboard.config.HostPort;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * What a value must be beyond its JSON type: a range, an ISO-8601 duration, a listen address, one of named options.
 * Each parser returns the value or throws {@link IllegalArgumentException} whose message is the problem as reported,
 * as {@link HostPort#parse} does, so {@link FieldReader} reports every refusal the same way at the value's location.
 */
final class ValueParsers {

    private ValueParsers() {
    }

    /** A whole number in {@code min..max}. */
    static long inRange(BigDecimal value, long min, long max) {
        if (value.compareTo(BigDecimal.valueOf(min)) < 0 || value.compareTo(BigDecimal.valueOf(max)) > 0) {
            throw new IllegalArgumentException(rangeText(min, max) + ", found " + value.toPlainString());
        }
        return value.longValueExact();
    }

    static double atLeast(BigDecimal value, double min) {
        if (value.doubleValue() < min) {
            throw new IllegalArgumentException("must be at least " + BigDecimal.valueOf(min).stripTrailingZeros().toPlainString()
                    + ", found " + value.toPlainString());
        }
        return value.doubleValue();
    }

    /** A listen address ({@link HostPort}), kept as written. */
    static String hostPort(String text) {
        HostPort.parse(text);
        return text;
    }

    /** A duration that must be positive (zero and negative are refused). */
    static Duration positiveDuration(String text) {
        Duration value = duration(text);
        if (value.isZero() || value.isNegative()) {
            throw new IllegalArgumentException("must be a positive duration, found " + text);
        }
        return value;
    }

    /** A duration that may be zero but not negative. */
    static Duration nonNegativeDuration(String text) {
        Duration value = duration(text);
        if (value.isNegative()) {
            throw new IllegalArgumentException("must not be negative, found " + text);
        }
        return value;
    }

    /** One of {@code options}, written as {@code jsonName}; a near miss gets a suggestion. */
    static <E> E choice(String text, List<E> options, Function<E, String> jsonName) {
        Map<String, E> byName = new LinkedHashMap<>();
        options.forEach(option -> byName.put(jsonName.apply(option), option));
        E option = byName.get(text);
        if (option == null) {
            throw new IllegalArgumentException("\"" + text + "\" is not one of "
                    + String.join(", ", byName.keySet()) + DidYouMean.suffix(text, byName.keySet()));
        }
        return option;
    }

    /** An ISO-8601 duration of at most {@link GatewayConfig#LONGEST_DURATION}. */
    private static Duration duration(String text) {
        Duration value;
        try {
            value = Duration.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("\"" + text + "\" is not an ISO-8601 duration such as PT15S", e);
        }
        if (value.compareTo(GatewayConfig.LONGEST_DURATION) > 0) {
            throw new IllegalArgumentException("must be at most P365D (365 days), found " + text);
        }
        return value;
    }

    private static String rangeText(long min, long max) {
        return max == Integer.MAX_VALUE || max == Long.MAX_VALUE
                ? "must be at least " + min
                : "must be between " + min + " and " + max;
    }
}
