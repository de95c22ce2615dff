package dev.switchboard.telemetry.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.switchboard.telemetry.protocol.Protocol;
import dev.switchboard.telemetry.protocol.TelemetryEvent.OperatorAction;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
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
        String line = Protocol.MAPPER.writeValueAsString(action) + "\n";
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        try (var channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.APPEND,
                StandardOpenOption.WRITE)) {
            channel.write(ByteBuffer.wrap(line.getBytes(StandardCharsets.UTF_8)));
            channel.force(false);
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
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            try {
                actions.add(Protocol.MAPPER.readValue(line, OperatorAction.class));
            } catch (JsonProcessingException e) {
                // a line cut short by a crash mid-write: the rest of the log is still good
            }
        }
        return actions;
    }
}
