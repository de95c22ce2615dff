package dev.switchboard.console.dns;

import dev.switchboard.config.RoutingMethod;
import dev.switchboard.console.feed.ConsoleEvent;
import dev.switchboard.console.feed.EventKind;
import dev.switchboard.console.common.FakeGateway;
import dev.switchboard.dns.MonitorStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

import static dev.switchboard.console.dns.DnsFrames.endpoint;
import static dev.switchboard.console.dns.DnsFrames.eastWest;
import static dev.switchboard.console.dns.DnsFrames.gateway;
import static dev.switchboard.console.dns.DnsFrames.profile;
import static org.assertj.core.api.Assertions.assertThat;

/** The DNS view model fed by hand, with a recording gateway and a clock the test moves: no toolkit, no sleeping. */
class DnsViewModelTest {

    private static final Instant LOADED = Instant.parse("2026-11-23T10:00:00Z");

    private final List<String> commands = new ArrayList<>();
    private final List<ConsoleEvent> logged = new ArrayList<>();
    private boolean refuse;
    private final FakeGateway gw = new FakeGateway("gw", commands, () -> refuse);
    private final AtomicReference<Instant> now = new AtomicReference<>(LOADED.plusSeconds(100));
    private final DnsViewModel model = new DnsViewModel(Runnable::run, logged::add, now::get);

    @Test
    void profilesShowTheirAnswerEndpointsAndWhyFailOverIsNotPossibleWhereItIsNot() {
        model.show(gateway("gw", eastWest(LOADED), profile(RoutingMethod.WEIGHTED, null, List.of("10.0.1.1"), LOADED,
                endpoint("only", "10.0.1.1", 1, MonitorStatus.ONLINE))), gw);

        assertThat(model.profiles()).hasSize(2);
        ProfileModel p = model.profiles().getFirst();
        assertThat(p.answerProperty().get()).isEqualTo("10.0.0.1");
        assertThat(p.ttlProperty().get()).isEqualTo("30 s");
        assertThat(p.monitorProperty().get()).isEqualTo("HTTP port 8080 /health, every 10 s, timeout 5 s, 2 failure(s) tolerated");
        assertThat(p.endpoints()).extracting(EndpointRow::name).containsExactly("east", "west");
        assertThat(p.endpoints().get(1).failOverBlockedProperty().get()).isEmpty();
        assertThat(model.profiles().get(1).endpoints().getFirst().failOverBlockedProperty().get())
                .contains("needs priority routing").endsWith("routes weighted");
        assertThat(p.countdownProperty().get()).isEqualTo(TtlCountdown.SETTLED);
    }

    @Test
    void afterAnAnswerChangeTheCountdownNamesTheOldAnswerAndRunsDownToTheTtlWithTheClock() {
        model.show(gateway("gw", eastWest(LOADED)), gw);
        ProfileModel p = model.profiles().getFirst();
        EndpointRow row = p.endpoints().getFirst();

        Instant changed = LOADED.plusSeconds(100);
        model.show(gateway("gw", profile(RoutingMethod.PRIORITY, "west", List.of("10.0.0.2"), changed,
                endpoint("east", "10.0.0.1", 1, MonitorStatus.ONLINE), endpoint("west", "10.0.0.2", 2, MonitorStatus.ONLINE))), gw);
        assertThat(model.profiles().getFirst()).as("updated in place").isSameAs(p);
        assertThat(p.endpoints().getFirst()).isSameAs(row);
        assertThat(p.answerProperty().get()).isEqualTo("10.0.0.2");
        assertThat(p.failedOverToProperty().get()).isEqualTo("west");
        assertThat(p.countdownProperty().get()).isEqualTo("resolvers may serve the old answer (10.0.0.1) for another 00:30");

        now.set(changed.plus(Duration.ofMillis(12_500)));
        model.tick();
        assertThat(p.countdownProperty().get()).endsWith("for another 00:18");
        now.set(changed.plusSeconds(30));
        model.tick();
        assertThat(p.countdownProperty().get()).isEqualTo("all resolvers have the new answer");
    }

    @Test
    void aConsoleThatDidNotSeeTheChangeCountsDownWithoutNamingTheOldAnswer() {
        model.show(gateway("gw", eastWest(now.get().minusSeconds(10))), gw);
        assertThat(model.profiles().getFirst().countdownProperty().get())
                .isEqualTo("resolvers may serve the old answer for another 00:20");
    }

    @Test
    void anActionThatChangesTheAnswerAsksFirstShowingTheNewAnswerAndItsResultShowsTheAck() {
        model.show(gateway("gw", eastWest(LOADED)), gw);
        ProfileModel p = model.profiles().getFirst();

        assertThat(model.confirmation(p, DnsAction.disable("west"))).as("west is not in the answer").isEmpty();
        DnsViewModel.Confirmation ask = model.confirmation(p, DnsAction.failOverTo("west")).orElseThrow();
        assertThat(ask.header()).isEqualTo("Fail over api.example.test to west?");
        assertThat(ask.body()).isEqualTo("api.example.test answers 10.0.0.1 now and will answer 10.0.0.2.\n"
                + "Resolvers may keep serving 10.0.0.1 for up to 30 s (the TTL) after the change.");

        gw.dnsAnswer = List.of("10.0.0.2");
        model.run(p, DnsAction.failOverTo("west"));
        assertThat(commands).containsExactly("failover api.example.test/west");
        assertThat(p.resultProperty().get()).isEqualTo("fail over api.example.test to west: now answers 10.0.0.2");
        assertThat(p.resultIsErrorProperty().get()).isFalse();
        assertThat(logged).as("the gateway's own record of it reaches the log").isEmpty();

        gw.dnsAnswer = List.of();
        model.run(p, DnsAction.disable("east"));
        assertThat(p.resultProperty().get()).endsWith("now answers NXDOMAIN");
    }

    @Test
    void aRefusedActionShowsWhyAndIsLogged() {
        model.show(gateway("gw", eastWest(LOADED)), gw);
        ProfileModel p = model.profiles().getFirst();
        refuse = true;

        model.run(p, DnsAction.clearFailover());

        assertThat(p.resultProperty().get()).isEqualTo("refused: clear the fail-over of api.example.test: no!");
        assertThat(p.resultIsErrorProperty().get()).isTrue();
        assertThat(logged).singleElement().satisfies(e -> {
            assertThat(e.kind()).isEqualTo(EventKind.OPERATOR);
            assertThat(e.gatewayId()).isEqualTo("gw");
            assertThat(e.backendId()).isEqualTo("api.example.test");
            assertThat(e.message()).isEqualTo(p.resultProperty().get());
        });
    }

    @Test
    void anotherGatewayReplacesTheProfilesAndClearingShowsNone() {
        model.show(gateway("gw", eastWest(LOADED)), gw);
        ProfileModel first = model.profiles().getFirst();
        model.show(gateway("other", eastWest(LOADED)), gw);
        assertThat(model.gatewayIdProperty().get()).isEqualTo("other");
        assertThat(model.profiles().getFirst()).isNotSameAs(first);

        model.clear();
        assertThat(model.profiles()).isEmpty();
        assertThat(model.gatewayIdProperty().get()).isNull();
    }
}
