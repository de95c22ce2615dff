package dev.switchboard.netty;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.util.ResourceLeakDetector;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LeakDetectionTest {

    private String property;
    private ResourceLeakDetector.Level level;

    @BeforeEach
    void remember() {
        property = System.getProperty(LeakDetection.PROPERTY);
        level = ResourceLeakDetector.getLevel();
    }

    @AfterEach
    void restore() {
        if (property == null) {
            System.clearProperty(LeakDetection.PROPERTY);
        } else {
            System.setProperty(LeakDetection.PROPERTY, property);
        }
        ResourceLeakDetector.setLevel(level);
    }

    @Test
    void aGatewayStartedWithoutThePropertySamplesNothing() {
        System.clearProperty(LeakDetection.PROPERTY);
        ResourceLeakDetector.setLevel(ResourceLeakDetector.Level.SIMPLE);

        LeakDetection.offUnlessAsked();

        assertThat(ResourceLeakDetector.getLevel()).isEqualTo(ResourceLeakDetector.Level.DISABLED);
    }

    @Test
    void anOperatorAskingForALevelKeepsIt() {
        System.setProperty(LeakDetection.PROPERTY, "paranoid");
        ResourceLeakDetector.setLevel(ResourceLeakDetector.Level.PARANOID);

        LeakDetection.offUnlessAsked();

        assertThat(ResourceLeakDetector.getLevel()).isEqualTo(ResourceLeakDetector.Level.PARANOID);
    }
}
