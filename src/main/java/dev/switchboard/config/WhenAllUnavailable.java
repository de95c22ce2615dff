package dev.switchboard.config;

/**
 * What a pool does when no member can take a request.
 *
 * @param action     fail closed with {@code statusCode} (and the smallest remaining Retry-After), or panic: ignore
 *                   availability and balance over every enabled member
 * @param statusCode status for {@link Action#failClosed}; default 503
 */
public record WhenAllUnavailable(Action action, int statusCode) {

    public static final WhenAllUnavailable DEFAULT = new WhenAllUnavailable(Action.failClosed, 503);

    public enum Action {
        failClosed,
        panic
    }
}
