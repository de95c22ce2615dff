package dev.switchboard.config.json;

/** 1-based line and column of a token in the source text. */
public record Location(int line, int column) {
}
