package dev.switchboard.console;

import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DisplayCheckTest {

    @Test
    void linuxWithoutADisplayGetsOneSentencePointingAtTheHeadlessCommands() {
        var message = DisplayCheck.missing("Linux", Map.of(), new Properties());
        assertThat(message).hasValueSatisfying(m -> assertThat(m)
                .contains("DISPLAY").contains("switchboard demo").contains("switchboard gateway --config FILE")
                .doesNotContain("\n"));
    }

    @Test
    void aDisplayOrTheHeadlessGlassPlatformIsEnough() {
        assertThat(DisplayCheck.missing("Linux", Map.of("WAYLAND_DISPLAY", "wayland-0"), new Properties())).isEmpty();
        Properties headless = new Properties();
        headless.setProperty("glass.platform", "Headless");
        assertThat(DisplayCheck.missing("Linux", Map.of(), headless)).isEmpty();
        assertThat(DisplayCheck.missing("Mac OS X", Map.of(), new Properties())).isEmpty();
    }

    @Test
    void toolkitFailuresAboutTheDisplayAreExplained() {
        var failure = new RuntimeException("launch failed", new UnsupportedOperationException("Unable to open DISPLAY"));
        assertThat(DisplayCheck.explain(failure)).isPresent();
        assertThat(DisplayCheck.explain(new UnsatisfiedLinkError("libglass.so"))).isPresent();
        assertThat(DisplayCheck.explain(new IllegalStateException("something else"))).isEmpty();
    }
}
