package dev.switchboard.config;

import java.util.regex.Pattern;

/**
 * One test on the request. Exactly one of {@code equals}, {@code prefix}, {@code regex} and {@code exists} is set.
 *
 * @param source where the value comes from
 * @param name   header or query parameter name; null for {@link Source#path}
 * @param equals the value must equal this
 * @param prefix the value must start with this
 * @param regex  the value must match this (whole value)
 * @param exists true: the header/parameter must be present; false: absent
 */
public record RouteCondition(Source source, String name, String equals, String prefix, Pattern regex, Boolean exists) {

    public enum Source {
        header,
        query,
        path
    }
}
