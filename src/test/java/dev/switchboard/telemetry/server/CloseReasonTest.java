package dev.switchboard.telemetry.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** A close reason is cut by UTF-8 bytes at a code point boundary, so the close frame stays within 125 bytes. */
class CloseReasonTest {

    private static int utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }

    @Test
    void aShortReasonIsKept() {
        assertThat(ClientSession.fitCloseReason("bye é")).isEqualTo("bye é");
        assertThat(ClientSession.fitCloseReason("x".repeat(123))).hasSize(123);
    }

    @Test
    void twoAndThreeByteTextIsCutToAtMost123Bytes() {
        String two = ClientSession.fitCloseReason("é".repeat(200));
        assertThat(utf8(two)).isEqualTo(122);
        String three = ClientSession.fitCloseReason("李".repeat(100));
        assertThat(utf8(three)).isEqualTo(123);
        assertThat(ClientSession.fitCloseReason("x" + "李".repeat(100))).isEqualTo("x" + "李".repeat(40));
    }

    @Test
    void aSurrogatePairIsNeverSplit() {
        String emoji = "\uD83D\uDE00"; // 4 UTF-8 bytes, 2 chars
        String cut = ClientSession.fitCloseReason("abc" + emoji.repeat(40));
        assertThat(utf8(cut)).isEqualTo(123);
        assertThat(Character.isHighSurrogate(cut.charAt(cut.length() - 1))).isFalse();
        assertThat(cut).isEqualTo("abc" + emoji.repeat(30));
    }
}
