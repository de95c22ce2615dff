package dev.switchboard.telemetry.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.telemetry.protocol.TelemetryEvent.OperatorAction;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The audit log on disk after a crash mid-write: the records before and after the cut survive. */
class AuditLogTest {

    @TempDir
    Path dir;

    private static OperatorAction action(long ts, String who) {
        return new OperatorAction(ts, who, "setWeight", "checkout/canary", "50", "5", ts);
    }

    @Test
    void aRecordAppendedAfterALineCutShortIsKept() throws IOException {
        AuditLog log = new AuditLog(dir.resolve("audit.jsonl"));
        log.append(action(1, "alice"));
        // A crash mid-write: the last line has no end.
        Files.writeString(log.file(), "{\"type\":\"operator\",\"ts\":2,\"who\":\"bo", StandardOpenOption.APPEND);

        log.append(action(3, "carol"));

        assertThat(log.read()).extracting(OperatorAction::who).containsExactly("alice", "carol");
    }

    @Test
    void aLineCutInsideAMultiByteCharacterIsSkippedNotFatal() throws IOException {
        AuditLog log = new AuditLog(dir.resolve("audit.jsonl"));
        log.append(action(1, "alice"));
        byte[] cut = "{\"type\":\"operator\",\"ts\":2,\"who\":\"jos\u00e9\"".getBytes(StandardCharsets.UTF_8);
        // Up to the first byte of the é, whose second byte never reached the disk.
        Files.write(log.file(), Arrays.copyOf(cut, cut.length - 2), StandardOpenOption.APPEND);

        assertThat(log.read()).extracting(OperatorAction::who).containsExactly("alice");
        log.append(action(3, "josé"));
        assertThat(log.read()).extracting(OperatorAction::who).containsExactly("alice", "josé");
        assertThat(log.since(2, 10).entries()).extracting(OperatorAction::who).containsExactly("josé");
    }
}
