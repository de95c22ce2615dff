package dev.switchboard.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.config.SessionAffinityConfig.AffinitySource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The samples in test-data/valid load without problems and resolve to the values they mean. */
class ConfigValidSamplesTest {

    private static final Path DIR = Path.of("test-data", "valid");

    static Stream<Path> samples() throws IOException {
        return Files.list(DIR).filter(p -> p.toString().endsWith(".json")).sorted();
    }

    private static GatewayConfig load(String name) throws IOException {
        return ConfigLoader.load(DIR.resolve(name)).orThrow();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void loadsWithoutProblems(Path sample) throws IOException {
        assertThat(ConfigLoader.load(sample).problems()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void canonicalJsonLoadsBackToTheSameConfig(Path sample) throws IOException {
        GatewayConfig config = ConfigLoader.load(sample).orThrow();
        GatewayConfig reloaded = ConfigLoader.parse(ConfigWriter.toJson(config)).orThrow();
        assertThat(ConfigWriter.toJson(reloaded)).isEqualTo(ConfigWriter.toJson(config));
        assertThat(ConfigHash.of(reloaded)).isEqualTo(ConfigHash.of(config)).hasSize(64);
    }

    @Test
    void priorityFailoverResolvesTheApimSeedScenario() throws IOException {
        GatewayConfig config = load("priority-failover.json");

        BreakerRule rule = config.backend("primary").circuitBreaker().rules().getFirst();
        assertThat(rule.failureCondition().count()).isEqualTo(3);
        assertThat(rule.failureCondition().percentage()).isNull();
        assertThat(rule.failureCondition().interval()).isEqualTo(Duration.ofSeconds(15));
        assertThat(rule.failureCondition().statusCodeRanges()).containsExactly(new StatusCodeRange(502, 504));
        assertThat(rule.failureCondition().errorReasons()).containsExactly(ErrorReason.BackendConnectionFailure);
        assertThat(rule.failureCondition().minimumRequests()).isEqualTo(FailureCondition.DEFAULT_MINIMUM_REQUESTS);
        assertThat(rule.tripDuration()).isEqualTo(Duration.ofSeconds(30));
        assertThat(rule.acceptRetryAfter()).isTrue();
        assertThat(rule.maxTripDuration()).isEqualTo(BreakerRule.DEFAULT_MAX_TRIP_DURATION);
        assertThat(rule.halfOpenRequests()).isEqualTo(BreakerRule.DEFAULT_HALF_OPEN_REQUESTS);

        BackendConfig failover = config.backend("failover");
        assertThat(failover.id()).isEqualTo("failover");
        assertThat(failover.isPool()).isTrue();
        assertThat(failover.pool().services()).containsExactly(
                new PoolMember("primary", null, 1), new PoolMember("secondary", null, 2));
        assertThat(failover.pool().whenAllUnavailable()).isEqualTo(WhenAllUnavailable.DEFAULT);

        RetryPolicy retry = config.apis().getFirst().retry();
        assertThat(retry.statusCodeRanges()).containsExactly(new StatusCodeRange(500, 599));
        assertThat(retry.count()).isEqualTo(3);
        assertThat(retry.interval()).isEqualTo(Duration.ofSeconds(1));
        assertThat(retry.firstFastRetry()).isTrue();
        assertThat(retry.otherBackend()).isTrue();
        assertThat(retry.delta()).isNull();
        assertThat(config.diagnostics()).isTrue();
        assertThat(config.gateway().id()).isEqualTo("apim-seed");
    }

    @Test
    void latencyAwarePoolsReadTheirBalancerAndSpill() throws IOException {
        PoolConfig pool = load("latency-aware.json").backend("orders").pool();
        assertThat(pool.balancer()).isEqualTo(Balancer.PEAK_EWMA);
        assertThat(pool.spillWhenSlow()).isEqualTo(new SpillWhenSlow(Duration.ofMillis(500)));
        PoolConfig plain = load("priority-failover.json").backend("failover").pool();
        assertThat(plain.balancer()).isEqualTo(Balancer.WEIGHTED);
        assertThat(plain.spillWhenSlow()).isNull();
    }

    @Test
    void notificationsResolveWithDefaults() throws IOException {
        NotificationsConfig notifications = load("notifications.json").notifications();
        NotificationsConfig.Webhook pager = notifications.webhooks().getFirst();
        assertThat(pager.events()).containsExactly(NotificationKind.BREAKER_OPENED, NotificationKind.BREAKER_CLOSED, NotificationKind.FAILOVER);
        assertThat(pager.timeout()).isEqualTo(Duration.ofSeconds(2));
        assertThat(pager.retries()).isEqualTo(3);
        assertThat(pager.backoff()).isEqualTo(Duration.ofMillis(500));
        assertThat(pager.toString()).doesNotContain(pager.secret());
        NotificationsConfig.Webhook sink = notifications.webhooks().get(1);
        assertThat(sink.events()).containsExactlyInAnyOrder(NotificationKind.values());
        assertThat(sink.secret()).isNull();
        assertThat(sink.timeout()).isEqualTo(NotificationsConfig.Webhook.DEFAULT_TIMEOUT);
        assertThat(sink.retries()).isEqualTo(NotificationsConfig.Webhook.DEFAULT_RETRIES);
        assertThat(sink.queueSize()).isEqualTo(5000);
    }

    @Test
    void defaultsAreApplied() throws IOException {
        GatewayConfig config = load("round-robin.json");
        assertThat(config.gateway()).isEqualTo(GatewaySettings.DEFAULTS);
        assertThat(config.diagnostics()).isFalse();
        BackendConfig web1 = config.backend("web-1");
        assertThat(web1.type()).isEqualTo(BackendType.SINGLE);
        assertThat(web1.tls()).isEqualTo(TlsConfig.DEFAULT);
        assertThat(web1.circuitBreaker()).isNull();
        assertThat(web1.healthProbe()).isNull();
        ApiConfig api = config.apis().getFirst();
        assertThat(api.timeouts()).isEqualTo(TimeoutsConfig.DEFAULTS);
        assertThat(api.retry()).isNull();
        assertThat(api.maxBufferedBody()).isEqualTo(ApiConfig.DEFAULT_MAX_BUFFERED_BODY);
        assertThat(api.preserveHost()).isFalse();
        assertThat(config.backend("web").pool().services()).extracting(PoolMember::backendId)
                .containsExactly("web-1", "web-2", "web-3");
    }

    @Test
    void warmupReadsItsFieldsAndDefaultsWhenAbsent() throws IOException {
        assertThat(load("warmup.json").gateway().warmup()).isEqualTo(new WarmupConfig(5000, 1500));
        assertThat(load("round-robin.json").gateway().warmupOrDefaults()).isEqualTo(WarmupConfig.DEFAULTS);
        assertThat(ConfigLoader.parse("""
                { "gateway": { "warmup": { "requests": 0 } }, "backends": { "a": { "url": "http://127.0.0.1:9001" } } }
                """).orThrow().gateway().warmup()).isEqualTo(new WarmupConfig(0, WarmupConfig.DEFAULT_MAX_MS));
    }

    @Test
    void weightedPoolKeepsWeights() throws IOException {
        assertThat(load("weighted-70-30.json").backend("checkout").pool().services())
                .extracting(PoolMember::weight).containsExactly(70, 30);
    }

    @Test
    void headerRoutingResolvesConditions() throws IOException {
        ApiConfig geo = load("header-routing.json").apis().getFirst();
        assertThat(geo.rules()).extracting(RouteRule::backendId).containsExactly("eu", "us");
        RouteCondition europe = geo.rules().getFirst().when().getFirst();
        assertThat(europe.source()).isEqualTo(RouteCondition.Source.header);
        assertThat(europe.name()).isEqualTo("X-Region");
        assertThat(europe.equals()).isEqualTo("eu");
        assertThat(geo.rules().get(1).when().getFirst().regex().matcher("us-east").matches()).isTrue();
    }

    @Test
    void cookieAffinityResolves() throws IOException {
        assertThat(load("cookie-affinity.json").backend("cart").pool().sessionAffinity())
                .isEqualTo(new SessionAffinityConfig(AffinitySource.Cookie, "SESSION"));
    }

    @Test
    void armWrapperFormReadsPropertiesAndFullResourceIds() throws IOException {
        GatewayConfig config = load("arm-wrapper.json");
        assertThat(config.backend("primary").url()).isEqualTo("https://primary.example.com/api");
        assertThat(config.backend("primary").circuitBreaker().rules().getFirst().tripDuration())
                .isEqualTo(Duration.ofHours(1));
        assertThat(config.backend("pool").pool().services()).extracting(PoolMember::backendId)
                .containsExactly("primary", "secondary");
    }

    @Test
    void trafficProfilesResolveZoneAndTrafficManagerDefaults() throws IOException {
        GatewayConfig config = load("traffic-profiles.json");

        assertThat(config.dns()).isEqualTo(new DnsConfig("127.0.0.1:5353", "example.test"));
        TrafficProfileConfig api = config.trafficProfile("api.example.test");
        assertThat(api.ttl()).isEqualTo(30);
        assertThat(api.routing()).isEqualTo(RoutingMethod.PRIORITY);
        assertThat(api.endpoints()).extracting(TrafficEndpoint::priority).containsExactly(1, 2, 3);
        assertThat(api.endpoint("dr").enabled()).isFalse();
        assertThat(api.monitor()).isEqualTo(new EndpointMonitorConfig(MonitorProtocol.HTTP, 8080, "/health", Duration.ofSeconds(10),
                Duration.ofSeconds(5), 2, java.util.List.of(new StatusCodeRange(200, 299))));

        TrafficProfileConfig shop = config.trafficProfile("shop.example.test");
        assertThat(shop.ttl()).isEqualTo(60);
        assertThat(shop.monitor()).isEqualTo(new EndpointMonitorConfig(MonitorProtocol.TCP, 443, null, Duration.ofSeconds(30),
                Duration.ofSeconds(10), 3, java.util.List.of()));
        assertThat(config.trafficProfile("geo.example.test").regions()).containsOnlyKeys("eu", "us");
        assertThat(config.trafficProfile("all.example.test").maxReturn()).isEqualTo(2);
    }
}
