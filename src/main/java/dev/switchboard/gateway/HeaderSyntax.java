package dev.switchboard.gateway;

/**
 * The header syntax Netty's validating headers enforce (RFC 9110 section 5): a name is one or more token
 * characters, a value holds no control character but horizontal tab, and no DEL. The client's request head is
 * checked once on its raw bytes ({@link StrictRequestDecoder}), so its decoded headers can skip Netty's validation on
 * every add and set; headers the gateway sets from its config are checked here instead.
 */
final class HeaderSyntax {

    private static final boolean[] TOKEN = new boolean[256];

    static {
        for (char c = '0'; c <= '9'; c++) {
            TOKEN[c] = true;
        }
        for (char c = 'a'; c <= 'z'; c++) {
            TOKEN[c] = true;
            TOKEN[c - 'a' + 'A'] = true;
        }
        for (char c : "!#$%&'*+-.^_`|~".toCharArray()) {
            TOKEN[c] = true;
        }
    }

    private HeaderSyntax() {
    }

    static boolean isTokenByte(int b) {
        return TOKEN[b & 0xFF];
    }

    /** A byte a field value may hold: visible, space, tab or obs-text. */
    static boolean isValueByte(int b) {
        int c = b & 0xFF;
        return c >= 0x20 && c != 0x7F || c == '\t';
    }

    /**
     * Throws like Netty's validating headers would when {@code name: value} is not a valid field, so a header from
     * the config can never split the head it is written into.
     */
    static void requireValid(CharSequence name, CharSequence value) {
        if (name.isEmpty()) {
            throw new IllegalArgumentException("an empty header name");
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c > 0xFF || !isTokenByte(c)) {
                throw new IllegalArgumentException("header name '" + name + "' has a character not allowed in a token at index " + i);
            }
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c <= 0xFF && !isValueByte(c)) {
                throw new IllegalArgumentException("the value of header '" + name + "' has control character 0x"
                        + Integer.toHexString(c) + " at index " + i);
            }
        }
    }
}
