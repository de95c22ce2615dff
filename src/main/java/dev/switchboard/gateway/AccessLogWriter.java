package dev.switchboard.gateway;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/** Writes records as lines (UTF-8) to a stream, buffered: the access log's writer thread's whole job per line. */
final class AccessLogWriter implements AutoCloseable {

    private final AccessLogFormat format;
    private final Writer out;
    private final StringBuilder line = new StringBuilder(256);

    AccessLogWriter(AccessLogFormat format, OutputStream out) {
        this.format = format;
        this.out = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 64 * 1024);
    }

    /** Buffers the record's line; it reaches the stream when the buffer fills, or on {@link #flush()}. */
    void write(ExchangeRecord record) throws IOException {
        line.setLength(0);
        format.append(record, line);
        out.append(line).append('\n');
    }

    void flush() throws IOException {
        out.flush();
    }

    /** Flushes and closes the stream. */
    @Override
    public void close() throws IOException {
        out.close();
    }
}
