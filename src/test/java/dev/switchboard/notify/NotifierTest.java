package dev.switchboard.notify;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.switchboard.config.ConfigLoader;
import dev.switchboard.config.GatewayConfig;
import dev.switchboard.engine.AdminState;
import dev.switchboard.engine.Engine;
import dev.switchboard.engine.Ticker;
import dev.switchboard.engine.breaker.ForceAction;
import dev.switchboard.testing.Eventually;
import dev.switchboard.testing.WebhookReceiver;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

/** Webhook delivery to real loopback receivers: signed CloudEvents, retries in virtual time, bounded queues. */
class NotifierTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SECRET = "test-signing-secret-0001";

    /** A pool "orders" of east (priority 1) and west (priority 2), and one webhook with {@code webhook} as its JSON. */
    private static GatewayConfig config(String webhook) {
        return ConfigLoader.parse("""
                { "gateway": { "id": "edge-test" },
                  "backends": {
                    "east": { "url": "http://127.0.0.1:1", "circuitBreaker": { "rules": [ { "name": "five-xx",
                        "failureCondition": { "count": 1, "interval": "PT10S", "statusCodeRanges": [ { "min": 500, "max": 599 } ] },
                        "tripDuration": "PT30S" } ] } },
                    "west": { "url": "http://127.0.0.1:2" },
                    "orders": { "type": "Pool", "pool": { "services": [ { "id": "east", "priority": 1 }, { "id": "west", "priority": 2 } ] } } },
                  "apis": [ { "name": "orders", "backendId": "orders" } ],
                  "notifications": { "webhooks": [ %s ] } }
                """.formatted(webhook)).orThrow();
    }

    private static Notifier start(GatewayConfig config, Engine engine, Scheduler scheduler) {
        Notifier notifier = Notifier.start("edge-test", engine, config.notifications(), scheduler, RandomGenerator.of("L64X128MixRandom"),
                Clock.systemUTC());
        engine.addListener(notifier);
        return notifier;
    }

    @Test
    void breakerEventsArriveAsSignedCloudEventsWithApimTypes() throws Exception {
        try (WebhookReceiver receiver = WebhookReceiver.answering(204)) {
            GatewayConfig config = config("""
                    { "name": "ops", "url": "%s", "events": [ "breakerOpened", "breakerClosed" ], "secret": "%s" }"""
                    .formatted(receiver.url(), SECRET));
            Engine engine = new Engine(config, Ticker.system(), RandomGenerator.getDefault());
            try (Notifier notifier = start(config, engine, null)) {
                engine.forceBreaker("east", ForceAction.OPEN);
                engine.forceBreaker("east", ForceAction.RESET);
                Eventually.await("two events delivered", Duration.ofSeconds(10), () -> notifier.stats().getFirst().delivered() == 2);
                assertThat(receiver.received).hasSize(2);
            }
            WebhookReceiver.Received opened = receiver.received.getFirst();
            assertThat(opened.header("Content-Type")).isEqualTo("application/cloudevents+json; charset=utf-8");
            String timestamp = opened.header(Signatures.TIMESTAMP_HEADER);
            assertThat(opened.header(Signatures.SIGNATURE_HEADER))
                    .isEqualTo(Signatures.sign(SECRET, Long.parseLong(timestamp), opened.body()))
                    .isNotEqualTo(Signatures.sign("another-secret-of-length", Long.parseLong(timestamp), opened.body()));
            JsonNode event = JSON.readTree(opened.body());
            assertThat(event.path("specversion").asText()).isEqualTo("1.0");
            assertThat(event.path("type").asText()).isEqualTo("Microsoft.ApiManagement.CircuitBreaker.Opened");
            assertThat(event.path("source").asText()).isEqualTo("/switchboard/gateways/edge-test");
            assertThat(event.path("subject").asText()).isEqualTo("/backends/east/circuit-breaker");
            assertThat(event.path("id").asText()).hasSize(36);
            assertThat(event.path("data").path("backendName").asText()).isEqualTo("east");
            assertThat(event.path("data").path("state").asText()).isEqualTo("FORCED_OPEN");
            assertThat(JSON.readTree(receiver.received.get(1).body()).path("type").asText())
                    .isEqualTo("Microsoft.ApiManagement.CircuitBreaker.Closed");
        }
    }

    @Test
    void anOperatorsForceAfterARuleTripNamesNoRule() throws Exception {
        try (WebhookReceiver receiver = WebhookReceiver.answering(204)) {
            GatewayConfig config = config("""
                    { "name": "ops", "url": "%s", "events": [ "breakerOpened", "breakerClosed" ] }""".formatted(receiver.url()));
            Engine engine = new Engine(config, Ticker.system(), RandomGenerator.getDefault());
            try (Notifier notifier = start(config, engine, null)) {
                engine.recordOutcome(engine.pick("east", null, null), 503, null, null);   // trips by rule five-xx
                engine.forceBreaker("east", ForceAction.RESET);                            // closes that trip
                engine.forceBreaker("east", ForceAction.OPEN);                             // later: an operator's force
                engine.forceBreaker("east", ForceAction.RESET);
                Eventually.await("four events delivered", Duration.ofSeconds(10), () -> notifier.stats().getFirst().delivered() == 4);
            }
            List<JsonNode> events = receiver.received.stream().map(r -> {
                try {
                    return JSON.readTree(r.body());
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).toList();
            assertThat(events).extracting(e -> e.path("data").path("state").asText())
                    .containsExactly("OPEN", "CLOSED", "FORCED_OPEN", "CLOSED");
            // The trip and the close that ends it name the rule, as APIM's events do ...
            assertThat(events.get(0).path("subject").asText()).isEqualTo("/backends/east/circuit-breaker/rules/five-xx");
            assertThat(events.get(0).path("data").path("circuitBreaker").path("rules").path("five-xx").path("tripDuration").asText())
                    .isEqualTo("00:00:30");
            assertThat(events.get(1).path("subject").asText()).isEqualTo("/backends/east/circuit-breaker/rules/five-xx");
            // ... the operator's later force and its reset do not: no rule opened the breaker (docs/notifications.md).
            for (JsonNode operators : events.subList(2, 4)) {
                assertThat(operators.path("subject").asText()).isEqualTo("/backends/east/circuit-breaker");
                assertThat(operators.path("data").path("circuitBreaker").path("rules").size()).isZero();
            }
        }
    }

    @Test
    void aTargetsCountersGoOnAcrossReloadsThatChangeOrRemoveIt() throws Exception {
        try (WebhookReceiver receiver = WebhookReceiver.answering(204)) {
            GatewayConfig config = config("""
                    { "name": "ops", "url": "%s", "timeout": "PT2S" }""".formatted(receiver.url()));
            Engine engine = new Engine(config, Ticker.system(), RandomGenerator.getDefault());
            try (Notifier notifier = start(config, engine, null)) {
                for (int i = 0; i < 3; i++) {
                    notifier.configRefused("file gateway.json", List.of("x"));
                }
                Eventually.await("three delivered", Duration.ofSeconds(10), () -> notifier.stats().getFirst().delivered() == 3);

                // A reload that changes only the timeout replaces the target, not its counters (a _total must not reset).
                notifier.apply(config("""
                        { "name": "ops", "url": "%s", "timeout": "PT3S" }""".formatted(receiver.url())).notifications());
                assertThat(notifier.stats()).singleElement().satisfies(s -> assertThat(s.delivered()).isEqualTo(3));
                notifier.configRefused("file gateway.json", List.of("x"));
                Eventually.await("the fourth delivered", Duration.ofSeconds(10), () -> notifier.stats().getFirst().delivered() == 4);

                // Removed: no longer reported. Added again: it goes on from where it stopped, as backend counters do.
                notifier.apply(null);
                assertThat(notifier.stats()).isEmpty();
                notifier.apply(config.notifications());
                assertThat(notifier.stats()).singleElement().satisfies(s -> assertThat(s.delivered()).isEqualTo(4));
            }
        }
    }

    @Test
    void aPoolLosingItsBestPriorityGroupSendsAFailover() throws Exception {
        try (WebhookReceiver receiver = WebhookReceiver.answering(200)) {
            GatewayConfig config = config("""
                    { "name": "ops", "url": "%s", "events": [ "failover" ] }""".formatted(receiver.url()));
            Engine engine = new Engine(config, Ticker.system(), RandomGenerator.getDefault());
            try (Notifier notifier = start(config, engine, null)) {
                engine.setAdminState("east", AdminState.DISABLED);
                Eventually.await("failover delivered", Duration.ofSeconds(10), () -> notifier.stats().getFirst().delivered() == 1);
            }
            JsonNode event = JSON.readTree(receiver.received.getFirst().body());
            assertThat(event.path("type").asText()).isEqualTo("dev.switchboard.Pool.FailedOver");
            assertThat(event.path("subject").asText()).isEqualTo("/pools/orders");
            assertThat(event.path("data").path("fromPriority").asInt()).isEqualTo(1);
            assertThat(event.path("data").path("toPriority").asInt()).isEqualTo(2);
        }
    }

    @Test
    void retriesBackOffAndStopAtTheConfiguredLimit() {
        try (WebhookReceiver receiver = WebhookReceiver.answering(500)) {
            GatewayConfig config = config("""
                    { "name": "flaky", "url": "%s", "retries": 3, "backoff": "PT1S" }""".formatted(receiver.url()));
            Engine engine = new Engine(config, Ticker.system(), RandomGenerator.getDefault());
            ManualScheduler scheduler = new ManualScheduler();
            List<DeadLetter> dead = new CopyOnWriteArrayList<>();
            try (Notifier notifier = start(config, engine, scheduler)) {
                notifier.onDeadLetter(dead::add);
                notifier.configRefused("file gateway.json", List.of("backends (line 1, col 1): missing"));
                Eventually.await("first attempt", Duration.ofSeconds(10), () -> scheduler.pending().size() == 1);
                assertThat(receiver.received).hasSize(1);
                // Retry n waits between half and all of backoff * 2^(n-1).
                for (int retry = 1; retry <= 3; retry++) {
                    Duration full = Duration.ofSeconds(1L << (retry - 1));
                    assertThat(scheduler.runNext()).isBetween(full.dividedBy(2), full);
                    int attempts = retry + 1;
                    Eventually.await("attempt " + attempts + " answered", Duration.ofSeconds(10),
                            () -> receiver.received.size() == attempts && (scheduler.pending().size() == 1 || !dead.isEmpty()));
                }
                Eventually.await("dead letter", Duration.ofSeconds(10), () -> dead.size() == 1);
                assertThat(scheduler.pending()).as("no retry after the last").isEmpty();
                assertThat(receiver.received).hasSize(4);
                assertThat(dead.getFirst()).satisfies(d -> {
                    assertThat(d.attempts()).isEqualTo(4);
                    assertThat(d.reason()).isEqualTo(DeadLetter.RETRIES_EXHAUSTED);
                    assertThat(d.lastError()).isEqualTo("HTTP 500");
                    assertThat(d.eventType()).isEqualTo("dev.switchboard.Config.Refused");
                });
                assertThat(notifier.stats()).singleElement().satisfies(s -> {
                    assertThat(s.retriesExhausted()).isEqualTo(1);
                    assertThat(s.delivered()).isZero();
                    assertThat(s.queued()).isZero();
                });
                // Every attempt carries the same event id, so a receiver can drop duplicates.
                assertThat(receiver.received.stream().map(r -> new String(r.body())).distinct()).hasSize(1);
            }
        }
    }

    @Test
    void aFullQueueMakesDeadLettersAtOnce() {
        try (WebhookReceiver receiver = WebhookReceiver.stuck()) {
            GatewayConfig config = config("""
                    { "name": "stuck", "url": "%s", "queueSize": 2, "timeout": "PT30S" }""".formatted(receiver.url()));
            Engine engine = new Engine(config, Ticker.system(), RandomGenerator.getDefault());
            List<DeadLetter> dead = new CopyOnWriteArrayList<>();
            try (Notifier notifier = start(config, engine, new ManualScheduler())) {
                notifier.onDeadLetter(dead::add);
                notifier.operatorAction("alice", "setWeight", "orders/east", "1", "0", 2);
                Eventually.await("first event in delivery", Duration.ofSeconds(10), () -> receiver.received.size() == 1);
                notifier.operatorAction("alice", "setWeight", "orders/east", "0", "1", 3);
                notifier.operatorAction("alice", "setWeight", "orders/east", "1", "2", 4);
                Eventually.await("dead letter reported", Duration.ofSeconds(5), () -> !dead.isEmpty());
                assertThat(dead).singleElement().satisfies(d -> {
                    assertThat(d.reason()).isEqualTo(DeadLetter.QUEUE_FULL);
                    assertThat(d.attempts()).isZero();
                });
                assertThat(notifier.stats()).singleElement().satisfies(s -> {
                    assertThat(s.queueFull()).isEqualTo(1);
                    assertThat(s.queued()).isEqualTo(2);
                });
                receiver.release();
                Eventually.await("the queued one delivered too", Duration.ofSeconds(10), () -> notifier.stats().getFirst().delivered() == 2);
            }
        }
    }
}
