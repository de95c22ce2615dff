package dev.switchboard.cli;

import java.util.concurrent.CountDownLatch;
import sun.misc.Signal;

/**
 * SIGTERM and SIGINT as a request to stop, so a long-running command drains, closes and exits 0 as its help says.
 * With the JVM's default handling a shutdown hook could still drain, but the process would exit 143 or 130, which
 * service managers and scripts read as a failure.
 */
final class StopSignals {

    private StopSignals() {
    }

    /** Blocks until SIGTERM or SIGINT arrives. */
    static void await() throws InterruptedException {
        CountDownLatch arrived = new CountDownLatch(1);
        Signal.handle(new Signal("TERM"), signal -> arrived.countDown());
        Signal.handle(new Signal("INT"), signal -> arrived.countDown());
        arrived.await();
    }
}
