package dev.switchboard.console.pools;

import dev.switchboard.engine.Availability;
import java.util.List;
import org.junit.jupiter.api.Test;

import static dev.switchboard.console.common.Frames.member;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class TrafficSplitTest {

    @Test
    void theBestPriorityGroupWithAPickableMemberTakesEverythingByWeight() {
        var shares = TrafficSplit.of(List.of(member("a", 30, 1, Availability.AVAILABLE),
                member("b", 10, 1, Availability.AVAILABLE), member("c", 50, 2, Availability.AVAILABLE)));
        assertThat(shares.get("a")).isCloseTo(0.75, within(1e-9));
        assertThat(shares.get("b")).isCloseTo(0.25, within(1e-9));
        assertThat(shares.get("c")).isZero();
    }

    @Test
    void whenTheFirstGroupIsUnavailableTheNextTakesOver() {
        var members = List.of(member("a", 50, 1, Availability.UNAVAILABLE_BREAKER), member("c", 50, 2, Availability.AVAILABLE));
        assertThat(TrafficSplit.of(members).get("c")).isEqualTo(1.0);
        assertThat(TrafficSplit.activeGroup(members)).isEqualTo(2);
    }

    @Test
    void previewOfAZeroWeightDrainsAndOfANewWeightRevivesAMemberDrainedByWeight() {
        var members = List.of(member("a", 50, 1, Availability.AVAILABLE), member("b", 50, 1, Availability.AVAILABLE));
        assertThat(TrafficSplit.of(TrafficSplit.withWeight(members, "a", 0)).get("b")).isEqualTo(1.0);
        var drained = List.of(new dev.switchboard.console.feed.MemberFrame("a", 0, 1, Availability.DRAINING, "weight 0"),
                member("b", 50, 1, Availability.AVAILABLE));
        assertThat(TrafficSplit.of(TrafficSplit.withWeight(drained, "a", 50)).get("a")).isEqualTo(0.5);
    }

    @Test
    void nothingPickableMeansNoShares() {
        var shares = TrafficSplit.of(List.of(member("a", 50, 1, Availability.MAINTENANCE)));
        assertThat(shares.get("a")).isZero();
        assertThat(TrafficSplit.activeGroup(List.of(member("a", 50, 1, Availability.MAINTENANCE)))).isZero();
    }
}
