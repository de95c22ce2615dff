package dev.switchboard.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchboard.engine.AdminState;
import dev.switchboard.gateway.hardening.RawClient;
import dev.switchboard.testing.Eventually;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The access log over real sockets: one line per request (refused ones too) with every attempt, both formats, and overflow. */
class AccessLogTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String POOL = """
            { "gateway": { "accessLog": { "path": "%s", "format": "%s", "queue": %d } },
              "backends": {
                "a": { "url": "http://${a}" }, "b": { "url": "http://${b}" }, "c": { "url": "http://${c}" },
                "pool": { "type": "Pool", "pool": { "services": [ { "id": "a", "priority": 1 }, { "id": "c", "priority": 1 },
                                                                  { "id": "b", "priority": 2 } ] } } },
              "apis": [ { "name": "orders", "path": "/orders", "backendId": "pool",
                "retry": { "statusCodeRanges": [ { "min": 500, "max": 599 } ], "count": 2, "interval": "PT0S" } } ] }
            """;

    private final GatewayHarness h = new GatewayHarness();
    @TempDir
    Path dir;

    @AfterEach
    void close() {
        h.close();
    }

    /** The log's lines once it has {@code count} (it is written off the event loop, so shortly after the response). */
    private static List<String> lines(Path file, int count) throws IOException {
        Eventually.await(count + " access-log lines in " + file, Duration.ofSeconds(5), () -> {
            try {
                return Files.exists(file) && Files.readAllLines(file).size() >= count;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        return Files.readAllLines(file);
    }

    @Test
    void aJsonLineNamesEveryAttemptAndWhyEachBackendWasChosenOrSkipped() throws IOException {
        h.sims("a", "b", "c");
        h.sim("a").setBehavior(h.sim("a").behavior().withStatus(503));
        Path file = dir.resolve("logs/access.jsonl");
        h.start(POOL.formatted(file, "json", 100));
        h.gateway.engine().setAdminState("c", AdminState.MAINTENANCE);

        HttpResponse<String> r = h.get("/orders/42?x=1");

        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode line = JSON.readTree(lines(file, 1).getFirst());
        assertThat(line.get("client").asText()).isEqualTo("127.0.0.1");
        assertThat(line.get("method").asText()).isEqualTo("GET");
        assertThat(line.get("path").asText()).isEqualTo("/orders/42");
        assertThat(line.get("api").asText()).isEqualTo("orders");
        assertThat(line.get("status").asInt()).isEqualTo(200);
        assertThat(line.get("bytes").asLong()).isEqualTo(r.body().length());
        assertThat(line.get("totalMs").asDouble()).isGreaterThanOrEqualTo(line.get("upstreamMs").asDouble()).isPositive();
        assertThat(line.get("time").asText()).endsWith("Z");
        JsonNode attempts = line.get("attempts");
        assertThat(attempts).hasSize(2);
        assertThat(attempts.get(0).get("backend").asText()).isEqualTo("a");
        assertThat(attempts.get(0).get("outcome").asText()).isEqualTo("503");
        assertThat(attempts.get(0).get("why").asText()).isEqualTo("balanced, priority 1");
        assertThat(attempts.get(0).get("retry").asText()).startsWith("retry after 0 ms");
        assertThat(attempts.get(0).get("skipped").get(0).get("backend").asText()).isEqualTo("c");
        assertThat(attempts.get(0).get("skipped").get(0).get("availability").asText()).isEqualTo("maintenance");
        assertThat(attempts.get(1).get("backend").asText()).isEqualTo("b");
        assertThat(attempts.get(1).get("outcome").asText()).isEqualTo("200");
        assertThat(attempts.get(1).get("why").asText()).isEqualTo("retry to an untried member, priority 2");
    }

    @Test
    void theTextFormatIsOneHaproxyLikeLinePerRequest() throws IOException {
        h.sims("a", "b", "c");
        Path file = dir.resolve("access.log");
        h.start(POOL.formatted(file, "text", 100));
        h.gateway.engine().setAdminState("b", AdminState.DRAIN);

        assertThat(h.get("/orders/1").statusCode()).isEqualTo(200);
        assertThat(h.get("/nowhere").statusCode()).isEqualTo(404);

        List<String> lines = lines(file, 2);
        assertThat(lines.get(0)).matches("127\\.0\\.0\\.1 \\[\\d\\d/\\w{3}/\\d{4}:\\d\\d:\\d\\d:\\d\\d\\.\\d{3}\\] orders pool/[ac] "
                + "[\\d.]+/[\\d.]+ 200 \\d+ \"GET /orders/1\" [ac]=200\\(balanced, priority 1\\) skipped=b:draining");
        assertThat(lines.get(1)).contains(" - -/- ").contains(" 404 ").endsWith("\"GET /nowhere\" -");
    }

    @Test
    void requestsRefusedBeforeRoutingGetALineEach() throws IOException {
        h.sims("a", "b", "c");
        Path file = dir.resolve("refused.jsonl");
        h.start(POOL.formatted(file, "json", 100));
        List<String> refused = List.of(
                "CONNECT b.test:443 HTTP/1.1\r\nHost: b.test:443\r\n\r\n",
                "GET /orders/1 HTTP/9.9\r\nHost: b.test\r\n\r\n",
                "GET /orders/../secret?q=1 HTTP/1.1\r\nHost: b.test\r\n\r\n",
                "GET /orders/1 HTTP/1.1\r\nHost: b.test\r\nX-A: 1\r\n folded\r\n\r\n",
                "GET /orders/1 HTTP/1.1\r\nHost: b.test\r\nX-Big: " + "x".repeat(20_000) + "\r\n\r\n");
        List<Integer> statuses = new java.util.ArrayList<>();
        for (String request : refused) {
            try (RawClient client = new RawClient(h.gateway.port())) {
                statuses.add(client.send(request).read().status());
            }
        }
        assertThat(statuses).containsExactly(405, 505, 400, 400, 431);

        List<JsonNode> lines = new java.util.ArrayList<>();
        for (String line : lines(file, refused.size())) {
            lines.add(JSON.readTree(line));
        }
        assertThat(lines).extracting(l -> l.get("status").asInt()).containsExactlyInAnyOrderElementsOf(statuses);
        JsonNode escape = lines.stream().filter(l -> l.get("path").asText().equals("/orders/../secret")).findFirst().orElseThrow();
        assertThat(escape.get("method").asText()).isEqualTo("GET");
        assertThat(escape.get("status").asInt()).isEqualTo(400);
        assertThat(escape.get("client").asText()).isEqualTo("127.0.0.1");
        assertThat(escape.get("bytes").asLong()).isPositive();
        assertThat(escape.get("attempts")).isEmpty();
        JsonNode connect = lines.stream().filter(l -> l.get("method").asText().equals("CONNECT")).findFirst().orElseThrow();
        assertThat(connect.get("status").asInt()).isEqualTo(405);
        // The folded head was refused before Netty parsed it: nothing to name.
        assertThat(lines).anySatisfy(l -> {
            assertThat(l.get("method").asText()).isEqualTo("-");
            assertThat(l.get("status").asInt()).isEqualTo(400);
        });
    }

    @Test
    void aRotatedLogIsFollowedByANewFileAtItsPathAndNoLineIsLost() throws IOException {
        Path file = aGatewayThatLoggedOneRequest("access.jsonl");

        // logrotate's default: rename, and the writer starts a new file.
        Path rotated = Files.move(file, dir.resolve("access.jsonl.1"));
        int sent = 1 + requestsUntil("a new file at the log's path", () -> count(file) > 0);

        Eventually.await("every line in one file or the other", Duration.ofSeconds(5), () -> count(rotated) + count(file) == sent);
        assertThat(h.gateway.stats().accessLogDropped()).isZero();
    }

    @Test
    void aDeletedLogIsWrittenAgain() throws IOException {
        Path file = aGatewayThatLoggedOneRequest("logs/access.jsonl");

        Files.delete(file);
        Files.delete(file.getParent());
        requestsUntil("the log written again", () -> count(file) > 0);
    }

    @Test
    void aLogThatCannotBeWrittenLosesCountedLinesUntilItCanAgain() throws IOException {
        Path file = aGatewayThatLoggedOneRequest("access.jsonl");
        Path rotated = Files.move(file, dir.resolve("access.jsonl.1"));
        // The path is taken by a directory: the log cannot be opened there.
        Files.createDirectory(file);
        int sent = 1 + requestsUntil("lines counted as lost", () -> h.gateway.stats().accessLogDropped() > 0);

        Files.delete(file);
        int more = requestsUntil("the log written again", () -> count(file) > 0);

        Eventually.await("every request written or counted", Duration.ofSeconds(5),
                () -> count(rotated) + count(file) + h.gateway.stats().accessLogDropped() == sent + more);
    }

    @Test
    void onAFullDiskEveryLineIsCountedAsLostAndRequestsAreServed() {
        h.sims("a", "b", "c");
        // Every write to /dev/full fails with ENOSPC, as on a full disk.
        h.start(POOL.formatted("/dev/full", "json", 100));
        int requests = 20;
        for (int i = 0; i < requests; i++) {
            assertThat(h.get("/orders/" + i).statusCode()).isEqualTo(200);
        }
        Eventually.await("every line counted as lost", Duration.ofSeconds(5), () -> h.gateway.stats().accessLogDropped() == requests);
    }

    /** Starts a gateway logging JSON lines to {@code name} in the temp dir, and waits for one request's line. */
    private Path aGatewayThatLoggedOneRequest(String name) throws IOException {
        h.sims("a", "b", "c");
        Path file = dir.resolve(name);
        h.start(POOL.formatted(file, "json", 100));
        assertThat(h.get("/orders/1").statusCode()).isEqualTo(200);
        lines(file, 1);
        return file;
    }

    /** Sends requests (each answered 200) until {@code done}, at most for 10 s; returns how many it sent. */
    private int requestsUntil(String what, BooleanSupplier done) {
        int[] sent = {0};
        Eventually.await(what, Duration.ofSeconds(10), () -> {
            assertThat(h.get("/orders/" + sent[0]).statusCode()).isEqualTo(200);
            sent[0]++;
            return done.getAsBoolean();
        });
        return sent[0];
    }

    /** Lines in {@code file}; 0 when there is no such file. */
    private static long count(Path file) {
        try {
            return Files.isRegularFile(file) ? Files.readAllLines(file).size() : 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void theWriterYieldsTheCoresToRequests() throws IOException {
        h.sims("a", "b", "c");
        h.start(POOL.formatted(dir.resolve("access.jsonl"), "json", 100));

        Eventually.await("the access-log thread at nice " + AccessLog.WRITER_NICE, Duration.ofSeconds(5), () -> {
            List<Integer> nices = accessLogWriterNices();
            return !nices.isEmpty() && nices.stream().allMatch(n -> n == AccessLog.WRITER_NICE);
        });
        assertThat(h.get("/orders/1").statusCode()).isEqualTo(200);
    }

    /** The nice values of this process's live access-log writers (other tests' gateways may have theirs). */
    private static List<Integer> accessLogWriterNices() {
        try (var tasks = Files.list(Path.of("/proc/self/task"))) {
            return tasks.flatMap(t -> {
                try {
                    return Files.readString(t.resolve("comm")).strip().equals("access-log")
                            ? Stream.of(ThreadNiceTest.niceOf(t.getFileName().toString()))
                            : Stream.empty();
                } catch (IOException | UncheckedIOException e) {
                    return Stream.empty(); // the thread ended meanwhile
                }
            }).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void aFullQueueDropsAndCountsLinesWithoutHoldingRequests() throws Exception {
        h.sims("a", "b", "c");
        // A pipe nobody drains: once its buffer is full the writer thread blocks, and so the queue fills up.
        Path fifo = dir.resolve("stalled.fifo");
        assertThat(new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor(10, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<BufferedReader> reader = CompletableFuture.supplyAsync(() -> {
            try {
                return new BufferedReader(new InputStreamReader(Files.newInputStream(fifo), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new RuntimeException(e);
            }
        });
        h.start(POOL.formatted(fifo, "json", 4));
        int requests = 600;
        for (int i = 0; i < requests; i++) {
            assertThat(h.get("/orders/" + "x".repeat(200) + i).statusCode()).isEqualTo(200);
        }
        assertThat(h.gateway.stats().accessLogDropped()).isPositive();

        try (BufferedReader in = reader.get(5, TimeUnit.SECONDS)) {
            CompletableFuture<Long> written = CompletableFuture.supplyAsync(() -> in.lines().count());
            h.gateway.close(Duration.ofSeconds(2));
            // Counted after close: a line is offered once its response is on its way, so the last request's line
            // may be queued or dropped after its client already has the answer.
            long dropped = h.gateway.stats().accessLogDropped();
            assertThat(written.get(10, TimeUnit.SECONDS)).isEqualTo(requests - dropped);
        }
    }
}
