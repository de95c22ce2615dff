package dev.switchboard.gateway;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The access log's output buffer: lines are formatted straight into its bytes and it goes to the stream as is. A
 * StringBuilder, a Writer's char buffer and its charset encoder each copied every line once more.
 */
final class LineBuffer implements AsciiSink {

    private byte[] bytes;
    private int length;

    LineBuffer(int capacity) {
        bytes = new byte[capacity];
    }

    int length() {
        return length;
    }

    @Override
    public void ascii(char c) {
        room(1);
        bytes[length++] = (byte) c;
    }

    @Override
    public void ascii(String s, int from, int to) {
        room(to - from);
        byte[] b = bytes;
        int at = length;
        for (int i = from; i < to; i++) {
            b[at++] = (byte) s.charAt(i);
        }
        length = at;
    }

    @Override
    public int plain(String s, int from) {
        int n = s.length();
        room(n - from);
        byte[] b = bytes;
        int at = length;
        int i = from;
        for (; i < n; i++) {
            char c = s.charAt(i);
            if (JsonLine.escapes(c)) {
                break;
            }
            b[at++] = (byte) c;
        }
        length = at;
        return i;
    }

    @Override
    public void decimal(long value) {
        if (value < 0) {
            String text = Long.toString(value);
            ascii(text, 0, text.length());
            return;
        }
        int digits = 1;
        for (long rest = value / 10; rest > 0; rest /= 10) {
            digits++;
        }
        room(digits);
        int at = length + digits;
        length = at;
        do {
            bytes[--at] = (byte) ('0' + value % 10);
            value /= 10;
        } while (value > 0);
    }

    /**
     * Any text, UTF-8 encoded (a lone surrogate as '?', as a Writer's encoder wrote it). Through a String: the JDK
     * copies and encodes ASCII in bulk; a char-at-a-time copy here was slower than the Writer this buffer replaced.
     */
    void utf8(CharSequence text) {
        byte[] encoded = text.toString().getBytes(StandardCharsets.UTF_8);
        room(encoded.length);
        System.arraycopy(encoded, 0, bytes, length, encoded.length);
        length += encoded.length;
    }

    /** Writes the bytes to {@code out} and empties the buffer. */
    void drainTo(OutputStream out) throws IOException {
        out.write(bytes, 0, length);
        length = 0;
    }

    void clear() {
        length = 0;
    }

    private void room(int more) {
        if (length + more > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(2 * bytes.length, length + more));
        }
    }
}
