package dev.switchboard.cli;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import sun.misc.Signal;

/**
 * SIGHUP as a request to reload the config now: what {@code systemctl reload} sends through the service unit's
 * {@code ExecReload}. Without a handler the JVM treats SIGHUP as a request to exit, and systemd counts a death by
 * SIGHUP as a clean exit, so a reload sent while the gateway starts could leave the service down. The handler is
 * therefore installed before anything slow (argument parsing, the config's load, the warm-up), and a SIGHUP that
 * arrives before the gateway is {@link #ready ready} is kept and applied once it is.
 */
final class ReloadSignal {

    private static final Logger LOG = LoggerFactory.getLogger(ReloadSignal.class);

    // Guarded by the class: the JVM's signal thread and the starting thread both use them.
    private static boolean installed;
    private static Runnable reload;
    private static boolean pending;

    private ReloadSignal() {
    }

    /** Catches SIGHUP from now on and keeps one that arrives, until {@link #ready} says how to reload. */
    static synchronized void queueUntilReady() {
        reload = null;
        if (!installed) {
            Signal.handle(new Signal("HUP"), signal -> arrived());
            installed = true;
        }
    }

    /** Runs {@code reload} on the JVM's signal thread each time SIGHUP arrives, and at once if one arrived before. */
    static void ready(Runnable reload) {
        boolean missed;
        synchronized (ReloadSignal.class) {
            queueUntilReady();
            ReloadSignal.reload = reload;
            missed = pending;
            pending = false;
        }
        if (missed) {
            reload.run();
        }
    }

    private static void arrived() {
        Runnable now;
        synchronized (ReloadSignal.class) {
            now = reload;
            pending |= now == null;
        }
        if (now == null) {
            LOG.info("SIGHUP while starting: the config is read again as soon as the gateway has started");
        } else {
            now.run();
        }
    }
}
