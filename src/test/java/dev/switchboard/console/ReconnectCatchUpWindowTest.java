package dev.switchboard.console;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.console.feed.ConsoleEvent;
import dev.switchboard.console.feed.EventKind;
import dev.switchboard.console.remote.RemoteGatewayFeed;
import dev.switchboard.engine.breaker.ForceAction;
import dev.switchboard.telemetry.protocol.Protocol;
import dev.switchboard.testing.TcpRelay;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Labeled;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import static dev.switchboard.console.LiveWindow.connectThrough;
import static dev.switchboard.console.LiveWindow.firstGatewayLive;
import static dev.switchboard.console.LiveWindow.onFxGet;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 13, "Staleness": a console cut off from a real remote gateway (the gateway keeps running) while it records
 * far more events than a snapshot's ring carries (200), and operators change weights. Once the path is back, Events
 * holds every event and audit record the gateway numbered while the console was away, each exactly once; a second,
 * longer outage than the gateway retains ends with one honest notice of how many were lost, shown in the window.
 */
class ReconnectCatchUpWindowTest extends WindowTest {

    private static final String NAME = "shop";
    private final HttpClient http = HttpClient.newHttpClient();
    /** The gateway's admin listener, straight (not through the console's path): what the gateway itself recorded. */
    private int adminPort;
    /** Why {@link #everyOnce} last said no, for a timeout's message. */
    private volatile String mismatch = "";

    @Start
    void start(Stage stage) {
        openRemoteOnly(stage);
    }

    @Test
    void eventsAndAuditMissedWhileCutOffAreMergedOnceAndALongerOutageSaysWhatWasLost(FxRobot robot, @TempDir Path dir)
            throws Exception {
        try (RemoteGatewayHarness remote = new RemoteGatewayHarness(dir);
             TcpRelay path = new TcpRelay(remote.admin.port());
             RemoteGatewayFeed operator = new RemoteGatewayFeed("operator", remote.telemetry(), RemoteGatewayHarness.TOKEN)) {
            adminPort = remote.admin.port();
            connectThrough(window, path, NAME);
            operator.start(new RecordingFeedListener());
            waitFor(60, () -> connected() && gatewayRows().stream().anyMatch(e -> e.kind() == EventKind.CONNECTION));

            path.cut();
            waitFor(30, () -> !connected());
            long before = page(0).path("lastEventId").asLong();
            for (int i = 0; i < 150; i++) {
                remote.gateway.engine().forceBreaker("blue", i % 2 == 0 ? ForceAction.OPEN : ForceAction.CLOSED);
            }
            for (int weight = 11; weight <= 15; weight++) {
                setWeight(operator, weight);
            }
            JsonNode missed = page(before);
            assertThat(missed.path("events").size()).as("more than one snapshot's ring").isGreaterThan(300);
            path.restore();

            waitFor(60, () -> connected() && everyOnce(missed));
            assertThat(gatewayRows()).noneMatch(e -> e.message().contains("events missed while disconnected"));
            for (int weight = 11; weight <= 15; weight++) {
                String after = "-> " + weight + " (version";
                assertThat(gatewayRows()).as("the audit record of weight %d", weight)
                        .filteredOn(e -> e.kind() == EventKind.OPERATOR && e.message().contains(after)).hasSize(1);
            }

            path.cut();
            waitFor(30, () -> !connected());
            long seen = page(0).path("lastEventId").asLong();
            for (int i = 0; i < 700; i++) {
                remote.gateway.engine().forceBreaker("blue", i % 2 == 0 ? ForceAction.OPEN : ForceAction.CLOSED);
            }
            waitFor(30, () -> !page(seen).path("complete").asBoolean());
            JsonNode retained = page(seen);
            long lost = retained.path("events").get(0).path("eventId").asLong() - seen - 1;
            assertThat(lost).as("the outage outlasts what the gateway retains").isPositive();
            path.restore();

            String notice = lost + " events missed while disconnected (gateway keeps only the last 1000)";
            waitFor(60, () -> connected() && gatewayRows().stream().anyMatch(e -> e.message().equals(notice)));
            waitFor(10, () -> everyOnce(retained));
            assertThat(gatewayRows()).filteredOn(e -> e.message().contains("missed while disconnected")).hasSize(1)
                    .allMatch(ConsoleEvent::alert);
            waitFor(10, () -> onFxGet(() -> stage.getScene().getRoot().lookupAll(".label").stream()
                    .anyMatch(n -> n instanceof Labeled l && l.isVisible() && l.getText() != null
                            && l.getText().contains(NAME) && l.getText().contains(notice))));
        }
    }

    /** Each event of {@code page} (the gateway's own record) is a row in Events exactly as often as the gateway has it. */
    private boolean everyOnce(JsonNode page) throws Exception {
        List<ConsoleEvent> rows = gatewayRows();
        for (JsonNode e : page.path("events")) {
            long expected = count(page, e);
            long shown = rows.stream().filter(r -> sameEvent(r, e)).count();
            if (shown != expected) {
                mismatch = "event " + e + " is shown " + shown + " times, the gateway has it " + expected + " times";
                return false;
            }
        }
        mismatch = "";
        return true;
    }

    private static long count(JsonNode page, JsonNode event) {
        long n = 0;
        for (JsonNode other : page.path("events")) {
            if (other.path("type").asText().equals(event.path("type").asText()) && other.path("ts").equals(event.path("ts"))
                    && words(other).equals(words(event))) {
                n++;
            }
        }
        return n;
    }

    private static boolean sameEvent(ConsoleEvent row, JsonNode e) {
        return row.at().equals(Instant.ofEpochMilli(e.path("ts").asLong())) && containsWords(row.message(), words(e))
                && switch (e.path("type").asText()) {
                    case "breaker" -> row.kind() == EventKind.BREAKER;
                    case "operator" -> row.kind() == EventKind.OPERATOR;
                    case "config" -> row.kind() == EventKind.CONFIG;
                    default -> row.kind() == EventKind.AVAILABILITY || row.kind() == EventKind.PROBE;
                };
    }

    /**
     * {@code words} in {@code message} as whole words. A plain substring let "CLOSED -> FORCED_OPEN" match the row of
     * "FORCED_CLOSED -> FORCED_OPEN" in the same millisecond, so one event read as shown three times (a CI failure).
     */
    private static boolean containsWords(String message, String words) {
        for (int at = message.indexOf(words); at >= 0; at = message.indexOf(words, at + 1)) {
            int end = at + words.length();
            if ((at == 0 || message.charAt(at - 1) == ' ') && (end == message.length() || message.charAt(end) == ' ')) {
                return true;
            }
        }
        return false;
    }

    /** What the console's row says of {@code e}: its transition, an operator's change or a config change. */
    private static String words(JsonNode e) {
        return switch (e.path("type").asText()) {
            case "operator" -> e.path("target").asText() + " " + e.path("before").asText() + " -> " + e.path("after").asText();
            case "config" -> e.path("what").asText();
            default -> e.path("from").asText() + " -> " + e.path("to").asText() + ": " + e.path("reason").asText();
        };
    }

    private JsonNode page(long since) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + adminPort + "/api/events?since=" + since))
                .header("Authorization", "Bearer " + RemoteGatewayHarness.TOKEN).build();
        return Protocol.MAPPER.readTree(http.send(request, HttpResponse.BodyHandlers.ofString()).body());
    }

    private static void setWeight(RemoteGatewayFeed operator, int weight) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> {
            try {
                operator.control().setWeight("shop", "blue", weight).get(5, TimeUnit.SECONDS);
                return true;
            } catch (Exception notYet) {
                return false;
            }
        });
    }

    private List<ConsoleEvent> gatewayRows() throws Exception {
        return onFxGet(() -> new ArrayList<>(window.model().events().shown().stream()
                .filter(e -> e.gatewayId().equals(NAME)).toList()));
    }

    private boolean connected() throws Exception {
        return firstGatewayLive(window);
    }

    private void waitFor(int seconds, Callable<Boolean> condition) throws Exception {
        try {
            WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, condition);
        } catch (java.util.concurrent.TimeoutException e) {
            List<ConsoleEvent> rows = gatewayRows();
            throw new AssertionError("timed out; " + rows.size() + " rows for " + NAME + ", the last: "
                    + rows.subList(Math.max(0, rows.size() - 5), rows.size()) + "; " + mismatch, e);
        }
    }
}
