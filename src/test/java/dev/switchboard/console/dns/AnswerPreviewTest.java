package dev.switchboard.console.dns;

import dev.switchboard.config.RoutingMethod;
import dev.switchboard.console.feed.ProfileFrame;
import dev.switchboard.dns.MonitorStatus;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

import static dev.switchboard.console.dns.DnsFrames.endpoint;
import static dev.switchboard.console.dns.DnsFrames.profile;
import static dev.switchboard.console.dns.DnsFrames.region;
import static org.assertj.core.api.Assertions.assertThat;

/** The answer an action leads to, by the gateway's rules (docs/dns.md). */
class AnswerPreviewTest {

    private static final Instant T = Instant.EPOCH;

    @Test
    void failingOverPromotesTheEndpointAndClearingOrDisablingItEndsThat() {
        ProfileFrame p = DnsFrames.eastWest(T);
        assertThat(AnswerPreview.after(p, DnsAction.failOverTo("west")).text()).isEqualTo("10.0.0.2");
        assertThat(AnswerPreview.after(p, DnsAction.disable("east")).text()).isEqualTo("10.0.0.2");

        ProfileFrame failedOver = profile(RoutingMethod.PRIORITY, "west", List.of("10.0.0.2"), T,
                endpoint("east", "10.0.0.1", 1, MonitorStatus.ONLINE), endpoint("west", "10.0.0.2", 2, MonitorStatus.ONLINE));
        assertThat(AnswerPreview.after(failedOver, DnsAction.clearFailover()).text()).isEqualTo("10.0.0.1");
        assertThat(AnswerPreview.after(failedOver, DnsAction.disable("west")).text()).isEqualTo("10.0.0.1");
        assertThat(AnswerPreview.after(failedOver, DnsAction.disable("east")).text()).isEqualTo("10.0.0.2");
    }

    @Test
    void aPromotedEndpointAnswersOnlyWhileItServesAndDegradedOnesStandInWhenNoneServes() {
        ProfileFrame westDegraded = profile(RoutingMethod.PRIORITY, null, List.of("10.0.0.1"), T,
                endpoint("east", "10.0.0.1", 1, MonitorStatus.ONLINE), endpoint("west", "10.0.0.2", 2, MonitorStatus.DEGRADED));
        assertThat(AnswerPreview.after(westDegraded, DnsAction.failOverTo("west")).text()).isEqualTo("10.0.0.1");
        assertThat(AnswerPreview.after(westDegraded, DnsAction.disable("east")).text())
                .as("the only endpoint left is degraded: it stands in").isEqualTo("10.0.0.2");
    }

    @Test
    void disablingEveryEndpointMeansNxdomainAndEnablingOneBringsItBackAsChecking() {
        ProfileFrame eastOnly = profile(RoutingMethod.PRIORITY, null, List.of("10.0.0.1"), T,
                endpoint("east", "10.0.0.1", 1, MonitorStatus.ONLINE), endpoint("west", "10.0.0.2", 2, MonitorStatus.DISABLED));
        assertThat(AnswerPreview.after(eastOnly, DnsAction.disable("east"))).isEqualTo(new DnsAnswer(false, List.of()));
        assertThat(AnswerPreview.after(eastOnly, DnsAction.disable("east")).text()).isEqualTo("NXDOMAIN");

        ProfileFrame noneEnabled = profile(RoutingMethod.PRIORITY, null, List.of(), T,
                endpoint("east", "10.0.0.1", 1, MonitorStatus.DISABLED), endpoint("west", "10.0.0.2", 2, MonitorStatus.DISABLED));
        assertThat(AnswerPreview.after(noneEnabled, DnsAction.enable("west")).text()).isEqualTo("10.0.0.2");
    }

    @Test
    void weightedAndMultivalueListEveryServingEndpointAndGeographicTheBestOfEachRegion() {
        ProfileFrame weighted = profile(RoutingMethod.WEIGHTED, null, List.of("10.0.0.1", "10.0.0.2", "10.0.0.3"), T,
                endpoint("a", "10.0.0.1", 1, MonitorStatus.ONLINE), endpoint("b", "10.0.0.2", 1, MonitorStatus.CHECKING),
                endpoint("c", "10.0.0.3", 1, MonitorStatus.ONLINE));
        assertThat(AnswerPreview.after(weighted, DnsAction.disable("b")).targets()).containsExactly("10.0.0.1", "10.0.0.3");

        ProfileFrame geo = profile(RoutingMethod.GEOGRAPHIC, null, List.of("10.1.0.1", "10.2.0.1"), T,
                region("eu-1", "10.1.0.1", 1, MonitorStatus.ONLINE, "eu"),
                region("eu-2", "10.1.0.2", 2, MonitorStatus.ONLINE, "eu"),
                region("world", "10.2.0.1", 1, MonitorStatus.ONLINE, "world"));
        assertThat(AnswerPreview.after(geo, DnsAction.disable("eu-1")).targets()).containsExactly("10.2.0.1", "10.1.0.2");
    }

    @Test
    void aDisabledProfileStaysNxdomain() {
        ProfileFrame stopped = new ProfileFrame("api.example.test", false, 30, RoutingMethod.PRIORITY, false, List.of(), T,
                null, null, List.of(endpoint("east", "10.0.0.1", 1, MonitorStatus.STOPPED)));
        assertThat(AnswerPreview.after(stopped, DnsAction.enable("east")).text()).isEqualTo("NXDOMAIN");
    }
}
