package dev.switchboard.cli;

import sun.misc.Signal;

/**
 * SIGHUP as a request to reload the config now: what {@code systemctl reload} sends through the service unit's
 * {@code ExecReload}. Without a handler the JVM would treat SIGHUP as a request to exit.
 */
final class ReloadSignal {

    private ReloadSignal() {
    }

    /** Runs {@code reload} on the JVM's signal thread each time SIGHUP arrives. */
    static void onHangup(Runnable reload) {
        Signal.handle(new Signal("HUP"), signal -> reload.run());
    }
}
