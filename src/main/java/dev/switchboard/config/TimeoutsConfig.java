package dev.switchboard.config;

import java.time.Duration;

/**
 * Deadlines of one API.
 *
 * @param connect opening a connection to a backend
 * @param perTry  one attempt, from sending the request to the end of the response head
 * @param total   the whole request including retries (APIM's forward-request timeout, default 300 s)
 */
public record TimeoutsConfig(Duration connect, Duration perTry, Duration total) {

    public static final TimeoutsConfig DEFAULTS =
            new TimeoutsConfig(Duration.ofSeconds(5), Duration.ofSeconds(30), Duration.ofSeconds(300));
}
