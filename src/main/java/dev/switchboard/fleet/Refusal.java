package dev.switchboard.fleet;

import java.util.List;

/**
 * A fleet config a gateway refused: it kept serving the config it had.
 *
 * @param revision the refused config's revision
 * @param hash     its hash
 * @param at       ISO-8601 instant of the refusal
 * @param problems every problem, as {@code path (line L, col C): message}
 */
public record Refusal(long revision, String hash, String at, List<String> problems) {
    public Refusal {
        problems = List.copyOf(problems);
    }
}
