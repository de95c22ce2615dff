package dev.switchboard.config;

/** Text as Windows tools often save it: UTF-8 with a byte-order mark, which parsers read as a stray character. */
public final class Bom {

    private Bom() {
    }

    /** {@code text} without a leading byte-order mark (U+FEFF). */
    public static String strip(String text) {
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }
}
