package dev.switchboard.telemetry.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.switchboard.telemetry.protocol.Protocol;
import dev.switchboard.telemetry.protocol.TelemetryEvent.OperatorAction;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Every applied operator change, one JSON object per line, appended and forced to disk before the change is
 * acknowledged, so the log survives crashes and restarts. Written only from the control thread.
 */
final class AuditLog {

    private final Path file;

    AuditLog(Path file) {
        this.file = file;
    }

    Path file() {
        return file;
    }

    void append(OperatorAction action) throws IOException {
        byte[] line = (Protocol.MAPPER.writeValueAsString(action) + "\n").getBytes(StandardCharsets.UTF_8);
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        // A last line cut short (a crash or a full disk mid-write) would swallow this record: end it first.
        boolean torn = endsInsideALine(file);
        try (var channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.APPEND,
                StandardOpenOption.WRITE)) {
            ByteBuffer buffer = ByteBuffer.allocate(line.length + (torn ? 1 : 0));
            if (torn) {
                buffer.put((byte) '\n');
            }
            buffer.put(line).flip();
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(false);
        }
    }

    private static boolean endsInsideALine(Path file) throws IOException {
        try (var channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = channel.size();
            ByteBuffer last = ByteBuffer.allocate(1);
            return size > 0 && channel.read(last, size - 1) == 1 && last.get(0) != '\n';
        } catch (NoSuchFileException e) {
            return false;
        }
    }

    /**
     * Records at or after {@code sinceMillis}, oldest first, at most {@code limit}.
     *
     * @param more true when more records follow: ask again from the last one's {@code ts}
     */
    record Page(List<OperatorAction> entries, boolean more) {
    }

    Page since(long sinceMillis, int limit) throws IOException {
        List<OperatorAction> after = read().stream().filter(a -> a.ts() >= sinceMillis).toList();
        return new Page(after.subList(0, Math.min(limit, after.size())), after.size() > limit);
    }

    /** The records so far, oldest first; lines that do not parse are skipped. */
    List<OperatorAction> read() throws IOException {
        List<OperatorAction> actions = new ArrayList<>();
        if (!Files.exists(file)) {
            return actions;
        }
        // Decoded leniently: a line cut inside a multi-byte character must not make the whole log unreadable.
        for (String line : new String(Files.readAllBytes(file), StandardCharsets.UTF_8).split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            try {
                actions.add(Protocol.MAPPER.readValue(line, OperatorAction.class));
            } catch (JsonProcessingException e) {
                // a line cut short by a crash mid-write: the rest of the log is still good
            }
        }
        return actions;
    }
}
