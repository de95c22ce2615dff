package dev.switchboard.netty;

import io.netty.util.ResourceLeakDetector;

/**
 * Netty samples one buffer in 128 for leak tracking by default, which cost 2-4 % of the event loop's samples in a
 * profile of the proxy under load. A production gateway turns it off; an operator chasing a leak (or the test suite,
 * whose surefire line sets it) keeps what {@code -Dio.netty.leakDetection.level} asks for.
 */
public final class LeakDetection {

    static final String PROPERTY = "io.netty.leakDetection.level";

    private LeakDetection() {
    }

    /** Disables leak sampling unless the JVM was started with {@value #PROPERTY}. */
    public static void offUnlessAsked() {
        if (System.getProperty(PROPERTY) == null) {
            ResourceLeakDetector.setLevel(ResourceLeakDetector.Level.DISABLED);
        }
    }
}
