package dev.switchboard.gateway;

import java.io.IOException;
import java.io.OutputStream;

/** Writes records as lines (UTF-8) to a stream, buffered: the access log's writer thread's whole job per line. */
final class AccessLogWriter implements AutoCloseable {

    /** Lines are formatted into the buffer until it holds this much, then it goes to the stream in one write. */
    private static final int WRITE_AT = 64 * 1024;

    private final AccessLogFormat format;
    private final OutputStream out;
    private final LineBuffer buffer = new LineBuffer(WRITE_AT + 1024);
    private int buffered;
    private long written;

    AccessLogWriter(AccessLogFormat format, OutputStream out) {
        this.format = format;
        this.out = out;
    }

    /** Buffers the record's line; it reaches the stream when the buffer fills, or on {@link #flush()}. */
    void write(ExchangeRecord record) throws IOException {
        format.append(record, buffer);
        buffer.ascii('\n');
        buffered++;
        if (buffer.length() >= WRITE_AT) {
            drain();
        }
    }

    void flush() throws IOException {
        drain();
        out.flush();
    }

    /** Forgets the lines not yet written (after the stream failed) and says how many there were. */
    int discard() {
        int lost = buffered;
        buffer.clear();
        buffered = 0;
        return lost;
    }

    /** Lines handed to the stream without an error, ever. */
    long written() {
        return written;
    }

    private void drain() throws IOException {
        buffer.drainTo(out);
        written += buffered;
        buffered = 0;
    }

    /** Flushes and closes the stream. */
    @Override
    public void close() throws IOException {
        try (out) {
            flush();
        }
    }
}
