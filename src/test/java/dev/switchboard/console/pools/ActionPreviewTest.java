package dev.switchboard.console.pools;

import dev.switchboard.console.common.Frames;
import dev.switchboard.console.feed.BackendFrame;
import dev.switchboard.console.feed.MemberFrame;
import dev.switchboard.console.feed.PoolFrame;
import dev.switchboard.console.health.GatewayHealth;
import dev.switchboard.engine.Availability;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ActionPreviewTest {

    private static PoolModel pool(String id, String... pickable) {
        PoolModel pool = new PoolModel(id);
        List<MemberFrame> members = java.util.Arrays.stream(pickable)
                .map(b -> Frames.member(b, 50, 1, Availability.AVAILABLE)).toList();
        pool.update(new PoolFrame(id, members), Map.<String, BackendFrame>of(), Frames.frame("g", "h", 0, 1, members, Map.of()),
                new GatewayHealth());
        return pool;
    }

    @Test
    void disablingAMemberShowsEveryPoolItIsInBeforeAndAfter() {
        ActionPreview preview = ActionPreview.of("edge-1", "Disable a", "a", Availability.DISABLED,
                List.of(pool("p", "a", "b"), pool("q", "c")));

        assertThat(preview.header()).isEqualTo("On edge-1: Disable a");
        assertThat(preview.lines()).containsExactly("p: a 50% \u2192 0%", "p: b 50% \u2192 100%");
    }

    @Test
    void drainingAsksOnlyWhenItDrainsAPoolsLastMemberAndMakingItPickableNeverAsks() {
        assertThat(ActionPreview.of("g", "Drain a", "a", Availability.DRAINING, List.of(pool("p", "a", "b")))).isNull();
        assertThat(ActionPreview.of("g", "Drain a", "a", Availability.DRAINING, List.of(pool("p", "a"))).lines())
                .containsExactly("p: a 100% \u2192 0%", "p: no member left to pick, its requests fail");
        assertThat(ActionPreview.of("g", "Enable a", "a", Availability.AVAILABLE, List.of(pool("p", "a")))).isNull();
    }
}
