package dev.switchboard.console.config;

import dev.switchboard.config.ConfigLoader;
import dev.switchboard.config.GatewayConfig;
import dev.switchboard.console.common.Frames;
import dev.switchboard.console.feed.OverrideFrame;
import dev.switchboard.engine.Availability;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The split an Apply leads to on one gateway, before -> after, with the overrides that keep winning in force. */
class ApplyPreviewTest {

    private static final GatewayConfig DRAFT = ConfigLoader.parse("""
            {
              "gateway": { "id": "t", "listen": "127.0.0.1:0" },
              "backends": {
                "a": { "url": "http://127.0.0.1:1" },
                "b": { "url": "http://127.0.0.1:2" },
                "c": { "url": "http://127.0.0.1:3" },
                "p": { "type": "Pool", "pool": { "services": [ { "id": "a", "weight": 1 }, { "id": "b", "weight": 1 },
                                                               { "id": "c", "weight": 2 } ] } }
              },
              "apis": [ { "name": "api", "path": "/", "backendId": "p" } ]
            }
            """).orThrow();

    @Test
    void eachMembersShareBeforeAndAfterWithNewAndRemovedMembersNamed() {
        // Live now: a and b at 50/50 (priority 1), d about to be removed; b's weight is overridden to 2.
        var live = Frames.frame("g", "h", 0, 1, List.of(Frames.member("a", 1, 1, Availability.AVAILABLE),
                Frames.member("b", 1, 1, Availability.AVAILABLE), Frames.member("d", 2, 1, Availability.AVAILABLE)), Map.of());
        OverrideFrame weightOfB = new OverrideFrame(OverrideFrame.WEIGHT, "p", "b", "2", "1", "alice", null);

        ApplyPreview preview = ApplyPreview.of(DRAFT, List.of(weightOfB), live);

        assertThat(preview.stillWinning()).containsExactly("weight p/b: override 2 still wins over the config's 1");
        assertThat(preview.split()).containsExactly("p: a 25% -> 20%, b 25% -> 40%, c new -> 40%, d 50% -> removed");
    }

    @Test
    void withoutALiveFrameOnlyTheSplitAfterIsKnown() {
        assertThat(ApplyPreview.of(DRAFT, List.of(), null).split()).containsExactly("p: a 25%, b 25%, c 50%");
    }
}
