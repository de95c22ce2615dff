package dev.switchboard.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.telemetry.client.ConnectionState;
import dev.switchboard.telemetry.client.TelemetryClient;
import dev.switchboard.testing.Eventually;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Tokens, origins and garbage: refused with a reason, and nothing a console sends takes the server down. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TelemetrySecurityTest {

    private TelemetryHarness h;

    @BeforeAll
    void start() {
        h = new TelemetryHarness();
    }

    @AfterAll
    void stop() {
        h.close();
    }

    @Test
    void healthNeedsNoTokenEverythingElseDoes() {
        assertThat(h.adminGet("/healthz", null).statusCode()).isEqualTo(200);
        HttpResponse<String> missing = h.adminGet("/metrics", null);
        assertThat(missing.statusCode()).isEqualTo(401);
        assertThat(missing.body()).contains("missing token");
        assertThat(missing.headers().firstValue("WWW-Authenticate")).hasValue("Bearer realm=\"switchboard\"");
        HttpResponse<String> wrong = h.adminGet("/api/state", "not-a-real-token-at-all");
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(wrong.body()).contains("token not recognised");
        assertThat(h.adminGet("/api/state?token=" + TelemetryHarness.VIEWER, null).statusCode()).isEqualTo(200);
        assertThat(h.adminGet("/api/config", TelemetryHarness.VIEWER).body()).doesNotContain("alice-operator-token-1").contains("\"backends\"");
    }

    @Test
    void aRequestWithoutATokenIsRefusedOnItsHeadBeforeItsBodyArrives() throws Exception {
        // Announces a 1 MB body and sends 10 kB of it: the answer must not wait for (and buffer) the rest.
        try (Socket s = new Socket("127.0.0.1", h.admin.port())) {
            s.setSoTimeout(5000);
            OutputStream out = s.getOutputStream();
            out.write("PUT /api/config HTTP/1.1\r\nHost: x\r\nContent-Length: 1000000\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.write(new byte[10_000]);
            out.flush();
            String answer = new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(answer).startsWith("HTTP/1.1 401").contains("missing token");
        }
        try (Socket s = new Socket("127.0.0.1", h.admin.port())) {
            s.setSoTimeout(5000);
            s.getOutputStream().write(("PUT /api/config HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + TelemetryHarness.VIEWER
                    + "\r\nOrigin: https://evil.example\r\nContent-Length: 1000000\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            assertThat(new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8)).startsWith("HTTP/1.1 403");
        }
        assertThat(h.adminGet("/healthz", null).statusCode()).isEqualTo(200);
    }

    @Test
    void aForeignOriginIsRefused() {
        HttpResponse<String> r = h.send(HttpRequest.newBuilder(h.adminUri("/api/state")).header("Authorization", "Bearer " + TelemetryHarness.VIEWER)
                .header("Origin", "https://evil.example").build());
        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(r.body()).contains("https://evil.example");
    }

    @Test
    void aWrongTokenIsRefusedAndTheClientSaysWhy() {
        RecordingListener l = new RecordingListener();
        TelemetryClient c = h.client("wrong-token-wrong-token", l);
        Eventually.await("refused", Duration.ofSeconds(5), () -> c.status().state() == ConnectionState.DISCONNECTED
                && c.status().reason() != null && c.status().reason().contains("401"));
        assertThat(c.model()).isNull();
    }

    @Test
    void aViewerCannotPutAConfig() {
        HttpResponse<String> r = h.send(HttpRequest.newBuilder(h.adminUri("/api/config")).header("Authorization", "Bearer " + TelemetryHarness.VIEWER)
                .header("If-Match", "\"1\"").PUT(HttpRequest.BodyPublishers.ofString("{}")).build());
        assertThat(r.statusCode()).isEqualTo(403);
    }

    @Test
    void everyMalformedMessageGetsAnErrorAndTheConnectionStays() {
        RawConsole c = h.raw(TelemetryHarness.VIEWER);
        c.next("snapshot");
        List<String> garbage = List.of(
                "not json", "{", "[]", "42", "\"text\"", "null", "{}", "{\"id\":1,\"type\":\"resync\"}", "{\"id\":\"x\"}",
                "{\"id\":\"x\",\"type\":7}", "{\"id\":\"x\",\"type\":\"launchMissiles\"}",
                "{\"id\":\"x\",\"type\":\"setWeight\",\"baseVersion\":1,\"pool\":\"pool\",\"backend\":\"a\"}",
                "{\"id\":\"x\",\"type\":\"setWeight\",\"baseVersion\":1,\"pool\":\"pool\",\"backend\":\"a\",\"weight\":\"heavy\"}",
                "{\"id\":\"x\",\"type\":\"setWeight\",\"baseVersion\":1,\"pool\":\"pool\",\"backend\":\"a\",\"weight\":1.5}",
                "{\"id\":\"x\",\"type\":\"setWeight\",\"baseVersion\":\"one\",\"pool\":\"pool\",\"backend\":\"a\",\"weight\":1}",
                "{\"id\":\"x\",\"type\":\"setPriority\",\"baseVersion\":1,\"pool\":5,\"backend\":\"a\",\"priority\":1}",
                "{\"id\":\"x\",\"type\":\"setAdminState\",\"baseVersion\":1,\"backend\":\"a\",\"state\":\"SLEEPING\"}",
                "{\"id\":\"x\",\"type\":\"forceBreaker\",\"baseVersion\":1,\"backend\":\"a\",\"action\":\"open\"}",
                "{\"id\":\"x\",\"type\":\"replaceConfig\",\"baseVersion\":1,\"config\":{}}",
                "{\"id\":\"x\",\"type\":\"clearOverrides\"}",
                "{\"id\":\"x\",\"type\":\"forceBreaker\",\"baseVersion\":1,\"backend\":null,\"action\":\"OPEN\"}",
                "{\"id\":\"x\",\"type\":\"setWeight\",\"baseVersion\":1,\"pool\":\"pool\",\"backend\":\"a\",\"weight\":99999999999}");
        for (int i = 0; i < garbage.size(); i++) {
            c.send(garbage.get(i));
            JsonNode error = c.next("error");
            assertThat(error.path("code").asText()).as(garbage.get(i)).isIn("MALFORMED", "BAD_REQUEST", "UNKNOWN_TYPE");
            assertThat(error.path("message").asText()).as(garbage.get(i)).isNotBlank();
            if (i % 5 == 4) {
                // a good message in between: only bad messages in a row close the connection
                c.send("{\"id\":\"ok" + i + "\",\"type\":\"resync\"}");
                c.next("snapshot");
            }
        }
        assertThat(garbage).hasSizeGreaterThanOrEqualTo(20);
        assertThat(c.isOpen()).isTrue();
        c.send("{\"id\":\"last\",\"type\":\"resync\"}");
        assertThat(c.next("snapshot").path("state").path("backends").size()).isEqualTo(2);
    }

    @Test
    void errorsNameTheProblem() {
        RawConsole c = h.raw(TelemetryHarness.OPERATOR);
        c.next("snapshot");
        c.send("{\"id\":\"w\",\"type\":\"setWeight\",\"baseVersion\":1,\"pool\":\"pool\",\"backend\":\"a\",\"weight\":\"heavy\"}");
        JsonNode e = c.reply("w");
        assertThat(e.path("message").asText()).isEqualTo("field \"weight\" must be an integer, got string \"heavy\"");
        c.send("{\"id\":\"t\",\"type\":\"launchMissiles\"}");
        assertThat(c.reply("t").path("code").asText()).isEqualTo("UNKNOWN_TYPE");
    }

    @Test
    void tenBadMessagesInARowCloseTheConnectionWithAReason() {
        RawConsole c = h.raw(TelemetryHarness.VIEWER);
        c.next("snapshot");
        for (int i = 0; i < 10; i++) {
            c.send("garbage " + i);
        }
        Eventually.await("closed", Duration.ofSeconds(5), c::isClosed);
        assertThat(c.closeCode).isEqualTo(1008);
        assertThat(c.closeReason).contains("10 bad messages in a row");
        assertThat(h.adminGet("/healthz", null).statusCode()).isEqualTo(200);
    }

    @Test
    void aCloseReasonWithNonAsciiTextStillFitsTheCloseFrame() {
        // The reason quotes the last bad type: 200 two-byte characters would make a 196-byte frame cut at 120 chars.
        RawConsole c = h.raw(TelemetryHarness.VIEWER);
        c.next("snapshot");
        for (int i = 0; i < 10; i++) {
            c.send("{\"id\":\"b" + i + "\",\"type\":\"" + "é".repeat(200) + "\"}");
        }
        Eventually.await("closed", Duration.ofSeconds(5), c::isClosed);
        assertThat(c.closeCode).as("close code, reason " + c.closeReason).isEqualTo(1008);
        assertThat(c.closeReason).startsWith("10 bad messages in a row").contains("éé");
    }

    @Test
    void commandsAreRateLimitedPerToken() {
        RawConsole c = h.raw(TelemetryHarness.OPERATOR);
        c.next("snapshot");
        for (int i = 0; i < 60; i++) {
            c.send("{\"id\":\"r" + i + "\",\"type\":\"forceBreaker\",\"baseVersion\":0,\"backend\":\"a\",\"action\":\"RESET\"}");
        }
        JsonNode limited = c.next(m -> m.path("code").asText().equals("RATE_LIMITED"));
        assertThat(limited.path("message").asText()).contains("commands per second");
        assertThat(c.isOpen()).isTrue();
    }

    @Test
    void aMessageOverTheSizeLimitClosesTheConnectionAndTheServerCarriesOn() {
        RawConsole c = h.raw(TelemetryHarness.VIEWER);
        c.next("snapshot");
        c.send("{\"id\":\"big\",\"type\":\"resync\",\"pad\":\"" + "x".repeat(2 * 1024 * 1024) + "\"}");
        Eventually.await("closed", Duration.ofSeconds(5), c::isClosed);
        // 1009 "too big"; or 1006 when the close lands while the console is still sending and TCP resets.
        assertThat(c.closeCode).isIn(1009, 1006);
        RawConsole next = h.raw(TelemetryHarness.VIEWER);
        assertThat(next.next("snapshot").path("gateway").asText()).isEqualTo("gw-test");
    }
}
