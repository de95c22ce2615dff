package dev.switchboard.telemetry.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.config.ConfigLoader;
import dev.switchboard.engine.Engine;
import dev.switchboard.engine.Ticker;
import java.io.IOException;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Overrides across restarts: one dropped because its member left the config stays dropped when the member returns. */
class OverrideStoreTest {

    private static final String CHECKOUT = """
            { "backends": { "stable": { "url": "http://127.0.0.1:9" }, "canary": { "url": "http://127.0.0.1:9" },
                "checkout": { "type": "Pool", "pool": { "services": [ %s ] } } },
              "apis": [ { "name": "shop", "path": "/", "backendId": "checkout" } ] }
            """;
    private static final String BOTH = CHECKOUT.formatted("{ \"id\": \"stable\", \"weight\": 70 }, { \"id\": \"canary\", \"weight\": 30 }");
    private static final String STABLE_ONLY = CHECKOUT.formatted("{ \"id\": \"stable\", \"weight\": 70 }");

    @TempDir
    Path dir;

    private static Engine engine(String json) {
        return new Engine(ConfigLoader.parse(json).orThrow(), Ticker.system(), new SplittableRandom(1));
    }

    @Test
    void anOverrideDroppedAtARestartDoesNotComeBackWithItsMember() throws IOException {
        OverrideStore store = new OverrideStore(dir.resolve("edge.json"), dir);
        Engine first = engine(BOTH);
        first.setWeight("checkout", "canary", 5);
        store.save(first.overrides());

        // Restarted with canary gone from the pool: its override is dropped, from the file too.
        Engine second = engine(STABLE_ONLY);
        assertThat(store.restore(second)).isZero();

        // Restarted with canary back: the config's weight, 30, not the override nobody set since.
        Engine third = engine(BOTH);
        assertThat(store.restore(third)).isZero();
        assertThat(third.overrides().weights()).isEmpty();
    }
}
