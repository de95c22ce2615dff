package dev.switchboard.gateway;

import io.netty.channel.Channel;
import io.netty.util.concurrent.ScheduledFuture;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Closes a client connection that carried no request for the idle timeout, counted from the end of its last
 * exchange (or from its start), never while a request is in flight. Responses advertise the timeout
 * ({@link ClientHttpCodec}); the close comes {@link #GRACE} later, so a client that reuses the connection just
 * before the advertised time does not race the close (issue 11 finding 5).
 *
 * <p>One timer per idle period at most: busy periods do not cancel it, it re-arms itself for whatever is left
 * (as Netty's IdleStateHandler does), and it reads the event loop's ticker, so tests drive it in virtual time.
 */
final class ClientIdleTimer {

    static final Duration GRACE = Duration.ofSeconds(1);

    private final Channel channel;
    private final long closeAfterNanos;
    private boolean busy;
    private long idleSince;
    private ScheduledFuture<?> timer;

    /** @param timeout the advertised idle timeout */
    ClientIdleTimer(Channel channel, Duration timeout) {
        this.channel = channel;
        this.closeAfterNanos = timeout.plus(GRACE).toNanos();
    }

    /** A request head arrived: the connection stays open until {@link #idle()} at least. */
    void busy() {
        busy = true;
    }

    /** No request is in flight from now on. */
    void idle() {
        busy = false;
        idleSince = channel.eventLoop().ticker().nanoTime();
        if (timer == null) {
            arm(closeAfterNanos);
        }
    }

    void stop() {
        if (timer != null) {
            timer.cancel(false);
            timer = null;
        }
    }

    private void arm(long delayNanos) {
        timer = channel.eventLoop().schedule(this::onTimer, delayNanos, TimeUnit.NANOSECONDS);
    }

    private void onTimer() {
        timer = null;
        if (busy || !channel.isActive()) {
            return;
        }
        long left = idleSince + closeAfterNanos - channel.eventLoop().ticker().nanoTime();
        if (left > 0) {
            arm(left);
        } else {
            channel.close();
        }
    }
}
