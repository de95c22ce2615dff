package dev.switchboard.dns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.engine.ManualTicker;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

/** Profile state, monitor status machine and answer selection, all in virtual time. */
class TrafficProfilesTest {

    private static final InetAddress CLIENT = InetAddress.ofLiteral("127.0.0.1");

    private final ManualTicker ticker = new ManualTicker();
    private final TrafficProfiles profiles = new TrafficProfiles(ticker, new Random(7));
    /** Endpoint target to whether its probe succeeds; absent means success. */
    private final Map<String, Boolean> healthy = new HashMap<>();
    private final List<ProbeTask> probed = new ArrayList<>();
    private final List<ProfileEvent> events = new ArrayList<>();

    private final EndpointProber prober = task -> {
        probed.add(task);
        boolean ok = healthy.getOrDefault(task.target(), true);
        return CompletableFuture.completedFuture(new ProbeResult(ok, ok ? "status 200" : "status 503"));
    };

    private static final String PRIORITY = """
            { "name": "api.example.test", "ttl": 30, "endpoints": [
                { "name": "east", "target": "192.0.2.1" }, { "name": "west", "target": "192.0.2.2" } ],
              "monitor": { "interval": "PT10S", "timeout": "PT5S", "toleratedFailures": 2 } }""";

    private List<String> answer(String profile) {
        return profiles.byName().get(profile).select(CLIENT, RecordType.ANY, profiles.random()).stream().map(Target::target).toList();
    }

    /** Advances virtual time second by second, running due probes as the gateway's monitor tick does. */
    private void run(Duration d) {
        for (long s = 0; s < d.toSeconds(); s++) {
            profiles.runDueProbes(prober);
            ticker.advanceSeconds(1);
        }
        profiles.runDueProbes(prober);
    }

    @Test
    void priorityAnswersTheBestOnlineEndpointAndFailsOverAfterToleratedPlusOneFailures() {
        profiles.apply(TestProfiles.config(PRIORITY));
        profiles.addListener(events::add);
        assertThat(profiles.snapshot("api.example.test").endpoint("east").status()).isEqualTo(MonitorStatus.CHECKING);
        assertThat(answer("api.example.test")).containsExactly("192.0.2.1");

        run(Duration.ZERO);
        assertThat(profiles.snapshot("api.example.test").endpoint("east").status()).isEqualTo(MonitorStatus.ONLINE);

        healthy.put("192.0.2.1", false);
        run(Duration.ofSeconds(20)); // probes at 10 s and 20 s fail: 2 failures are tolerated
        assertThat(answer("api.example.test")).containsExactly("192.0.2.1");
        assertThat(profiles.snapshot("api.example.test").endpoint("east").status()).isEqualTo(MonitorStatus.ONLINE);

        run(Duration.ofSeconds(9));
        assertThat(answer("api.example.test")).containsExactly("192.0.2.1");
        run(Duration.ofSeconds(1)); // the third failure, at 30 s
        ProfileSnapshot s = profiles.snapshot("api.example.test");
        assertThat(s.endpoint("east").status()).isEqualTo(MonitorStatus.DEGRADED);
        assertThat(s.endpoint("east").reason()).contains("3 failed probe(s) in a row, 2 tolerated; last: status 503");
        assertThat(answer("api.example.test")).containsExactly("192.0.2.2");
        assertThat(s.answer()).containsExactly("192.0.2.2");
        assertThat(s.answerChangedAt()).isEqualTo(ticker.instant());
        assertThat(s.oldAnswerCachedUntil()).isEqualTo(ticker.instant().plusSeconds(30));
        assertThat(events).filteredOn(e -> e instanceof ProfileEvent.AnswerChanged).hasSize(1);

        healthy.put("192.0.2.1", true);
        run(Duration.ofSeconds(10)); // one success brings it back
        assertThat(profiles.snapshot("api.example.test").endpoint("east").status()).isEqualTo(MonitorStatus.ONLINE);
        assertThat(answer("api.example.test")).containsExactly("192.0.2.1");
    }

    @Test
    void probesRunOncePerIntervalPerEnabledEndpoint() {
        profiles.apply(TestProfiles.config(PRIORITY));
        run(Duration.ofSeconds(35));
        assertThat(probed).extracting(ProbeTask::endpoint).containsExactly("east", "west", "east", "west", "east", "west", "east", "west");

        probed.clear();
        profiles.disableEndpoint("api.example.test", "west");
        run(Duration.ofSeconds(20));
        assertThat(probed).extracting(ProbeTask::endpoint).containsOnly("east");
    }

    @Test
    void whenEveryEndpointIsDegradedAllAreReturned() {
        profiles.apply(TestProfiles.config(PRIORITY.replace("api.example.test", "one.example.test") + ","
                + PRIORITY.replace("\"ttl\": 30,", "\"routing\": \"multivalue\",").replace("api.example.test", "all.example.test")));
        healthy.put("192.0.2.1", false);
        healthy.put("192.0.2.2", false);
        run(Duration.ofSeconds(30));

        assertThat(profiles.snapshot("one.example.test").endpoints()).extracting(EndpointSnapshot::status)
                .containsOnly(MonitorStatus.DEGRADED);
        assertThat(answer("one.example.test")).containsExactly("192.0.2.1");
        assertThat(answer("all.example.test")).containsExactly("192.0.2.1", "192.0.2.2");

        healthy.put("192.0.2.2", true);
        run(Duration.ofSeconds(10));
        assertThat(answer("all.example.test")).containsExactly("192.0.2.2");
    }

    @Test
    void withoutMonitorEnabledEndpointsAreOnlineAndDisabledOnesNeverAnswer() {
        profiles.apply(TestProfiles.config("""
                { "name": "api.example.test", "endpoints": [
                    { "name": "a", "target": "192.0.2.1", "enabled": false }, { "name": "b", "target": "b.example.net" } ] }"""));
        ProfileSnapshot s = profiles.snapshot("api.example.test");
        assertThat(s.endpoints()).extracting(EndpointSnapshot::status).containsExactly(MonitorStatus.DISABLED, MonitorStatus.ONLINE);
        assertThat(s.endpoint("b").reason()).isEqualTo("no monitor: enabled endpoints count as online");
        assertThat(profiles.byName().get("api.example.test").select(CLIENT, RecordType.ANY, profiles.random()))
                .containsExactly(new Target("b", "b.example.net", null));
        run(Duration.ofSeconds(60));
        assertThat(probed).isEmpty();
    }

    @Test
    void weightedDrawsEachQueryInProportionToWeight() {
        profiles.apply(TestProfiles.config("""
                { "name": "w.example.test", "routing": "weighted", "endpoints": [
                    { "name": "a", "target": "192.0.2.1", "weight": 750 }, { "name": "b", "target": "192.0.2.2", "weight": 250 } ] }"""));
        int a = 0;
        int n = 20_000;
        for (int i = 0; i < n; i++) {
            a += answer("w.example.test").equals(List.of("192.0.2.1")) ? 1 : 0;
        }
        assertThat(a / (double) n).isBetween(0.73, 0.77);
        assertThat(profiles.snapshot("w.example.test").answer()).containsExactly("192.0.2.1", "192.0.2.2");
    }

    @Test
    void weightedDrawsOnlyAmongEndpointsWithARecordOfTheAskedTypeWithTheirWeights() {
        RandomGenerator everyValueOnce = new RandomGenerator() {
            private int next;

            @Override
            public int nextInt(int bound) {
                return next++ % bound;
            }

            @Override
            public long nextLong() {
                throw new UnsupportedOperationException();
            }
        };
        TrafficProfiles mixed = new TrafficProfiles(ticker, everyValueOnce);
        mixed.apply(TestProfiles.config("""
                { "name": "shop.example.test", "routing": "weighted", "endpoints": [
                    { "name": "blue", "target": "192.0.2.31", "weight": 90 }, { "name": "green", "target": "2001:db8::32", "weight": 10 },
                    { "name": "teal", "target": "192.0.2.33", "weight": 30 }, { "name": "alias", "target": "origin.backends.test", "weight": 20 } ] }"""));
        TrafficProfile shop = mixed.byName().get("shop.example.test");
        // As many draws as the type's weights add up to, each value once: every endpoint comes up exactly its weight.
        Map<String, Integer> a = new HashMap<>();
        for (int i = 0; i < 90 + 30 + 20; i++) {
            shop.select(CLIENT, RecordType.A, everyValueOnce).forEach(t -> a.merge(t.endpoint(), 1, Integer::sum));
        }
        assertThat(a).containsExactlyInAnyOrderEntriesOf(Map.of("blue", 90, "teal", 30, "alias", 20));
        Map<String, Integer> aaaa = new HashMap<>();
        for (int i = 0; i < 10 + 20; i++) {
            shop.select(CLIENT, RecordType.AAAA, everyValueOnce).forEach(t -> aaaa.merge(t.endpoint(), 1, Integer::sum));
        }
        assertThat(aaaa).containsExactlyInAnyOrderEntriesOf(Map.of("green", 10, "alias", 20));
        assertThat(shop.select(CLIENT, RecordType.OTHER, everyValueOnce)).as("only a CNAME answers MX, TXT...")
                .extracting(Target::endpoint).containsExactly("alias");
    }

    @Test
    void geographicAnswersByTheClientsSubnetWithWorldForTheRest() {
        profiles.apply(TestProfiles.config("""
                { "name": "geo.example.test", "routing": "geographic",
                  "regions": { "eu": [ "10.1.0.0/16" ], "eu-fr": [ "10.1.2.0/24" ], "us": [ "10.2.0.0/16" ] },
                  "endpoints": [
                    { "name": "eu", "target": "192.0.2.1", "region": "eu" },
                    { "name": "fr", "target": "192.0.2.2", "region": "eu-fr" },
                    { "name": "world", "target": "192.0.2.9", "region": "world" } ] }"""));
        TrafficProfile geo = profiles.byName().get("geo.example.test");
        assertThat(geo.select(InetAddress.ofLiteral("10.1.7.7"), RecordType.A, profiles.random())).extracting(Target::endpoint).containsExactly("eu");
        assertThat(geo.select(InetAddress.ofLiteral("10.1.2.7"), RecordType.A, profiles.random())).extracting(Target::endpoint).containsExactly("fr");
        assertThat(geo.select(InetAddress.ofLiteral("10.2.0.1"), RecordType.A, profiles.random())).extracting(Target::endpoint).containsExactly("world");
        assertThat(geo.select(InetAddress.ofLiteral("192.168.1.1"), RecordType.A, profiles.random())).extracting(Target::endpoint).containsExactly("world");

        profiles.disableEndpoint("geo.example.test", "fr");
        assertThat(geo.select(InetAddress.ofLiteral("10.1.2.7"), RecordType.A, profiles.random())).extracting(Target::endpoint).containsExactly("world");
    }

    @Test
    void operatorActionsChangeTheNextAnswerAndNameWhatIsUnknown() {
        profiles.apply(TestProfiles.config(PRIORITY));
        ticker.advanceSeconds(5);
        ProfileSnapshot s = profiles.failOverTo("api.example.test", "west");
        assertThat(s.answer()).containsExactly("192.0.2.2");
        assertThat(s.failedOverTo()).isEqualTo("west");
        assertThat(s.endpoint("west").effectivePriority()).isZero();
        assertThat(s.answerChangedAt()).isEqualTo(ticker.instant());
        assertThat(answer("api.example.test")).containsExactly("192.0.2.2");

        assertThat(profiles.disableEndpoint("api.example.test", "west").answer()).containsExactly("192.0.2.1");
        assertThat(profiles.snapshot("api.example.test").failedOverTo()).isNull();
        assertThat(profiles.disableEndpoint("api.example.test", "east").exists()).isFalse();
        assertThat(profiles.enableEndpoint("api.example.test", "west").answer()).containsExactly("192.0.2.2");
        assertThat(profiles.snapshot("api.example.test").endpoint("west").status()).isEqualTo(MonitorStatus.CHECKING);

        assertThatThrownBy(() -> profiles.disableEndpoint("api.example.tst", "east"))
                .hasMessage("unknown traffic profile \"api.example.tst\"; profiles: api.example.test");
        assertThatThrownBy(() -> profiles.failOverTo("api.example.test", "north"))
                .hasMessage("profile \"api.example.test\" has no endpoint \"north\"; its endpoints are east, west");
        assertThatThrownBy(() -> profiles.failOverTo("api.example.test", "east"))
                .hasMessage("endpoint \"east\" of profile \"api.example.test\" is disabled; enable it first");
    }

    @Test
    void failOverNeedsPriorityRouting() {
        profiles.apply(TestProfiles.config("""
                { "name": "w.example.test", "routing": "weighted", "endpoints": [ { "name": "a", "target": "192.0.2.1" } ] }"""));
        assertThatThrownBy(() -> profiles.failOverTo("w.example.test", "a"))
                .hasMessageContaining("needs priority routing; profile \"w.example.test\" routes weighted");
    }

    @Test
    void overridesAndMonitorStateSurviveAReloadWhileTheEndpointExists() {
        profiles.apply(TestProfiles.config(PRIORITY));
        healthy.put("192.0.2.2", false);
        run(Duration.ofSeconds(20));
        profiles.disableEndpoint("api.example.test", "east");
        assertThat(profiles.snapshot("api.example.test").endpoint("west").status()).isEqualTo(MonitorStatus.DEGRADED);

        profiles.apply(TestProfiles.config(PRIORITY.replace("\"ttl\": 30", "\"ttl\": 45")));
        ProfileSnapshot s = profiles.snapshot("api.example.test");
        assertThat(s.ttl()).isEqualTo(45);
        assertThat(s.endpoint("east").status()).isEqualTo(MonitorStatus.DISABLED);
        assertThat(s.endpoint("east").reason()).isEqualTo("disabled by an operator");
        assertThat(s.endpoint("west").status()).isEqualTo(MonitorStatus.DEGRADED);

        profiles.apply(TestProfiles.config(PRIORITY.replace("192.0.2.2", "192.0.2.3")));
        assertThat(profiles.snapshot("api.example.test").endpoint("west").status()).isEqualTo(MonitorStatus.CHECKING);
    }

    @Test
    void aDisabledProfileIsStoppedAndDoesNotExist() {
        profiles.apply(TestProfiles.config(PRIORITY.replace("\"ttl\": 30,", "\"ttl\": 30, \"enabled\": false,")));
        ProfileSnapshot s = profiles.snapshot("api.example.test");
        assertThat(s.exists()).isFalse();
        assertThat(s.endpoints()).extracting(EndpointSnapshot::status).containsOnly(MonitorStatus.STOPPED);
        run(Duration.ofSeconds(30));
        assertThat(probed).isEmpty();
    }

    @Test
    void aResultForAnEndpointThatChangedMeanwhileIsIgnored() {
        profiles.apply(TestProfiles.config(PRIORITY));
        List<ProbeTask> pending = new ArrayList<>();
        profiles.runDueProbes(task -> {
            pending.add(task);
            return new CompletableFuture<>();
        });
        profiles.disableEndpoint("api.example.test", "east");
        profiles.enableEndpoint("api.example.test", "east");
        profiles.report(pending.getFirst(), new ProbeResult(false, "late"));
        assertThat(profiles.snapshot("api.example.test").endpoint("east").status()).isEqualTo(MonitorStatus.CHECKING);
    }
}
