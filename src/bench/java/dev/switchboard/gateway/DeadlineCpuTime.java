package dev.switchboard.gateway;

import io.netty.channel.DefaultEventLoop;
import io.netty.util.concurrent.ScheduledFuture;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.concurrent.TimeUnit;

/**
 * Thread CPU time of one request's deadline on an event loop (issue 15): a timer scheduled and cancelled per request
 * (what the exchange did before) against the connection's shared {@link DeadlineAlarm} set and cleared. The loop's
 * queue holds {@link #OTHER_TIMERS} far timers first, as a gateway's does (idle timers of 64 client and 64 backend
 * connections). CPU time, not wall-clock time, so other processes on the cores barely move it; best of seven rounds
 * of 1,000,000 requests after 2,000,000 to warm up.
 */
public final class DeadlineCpuTime {

    private static final int OTHER_TIMERS = 128;
    private static final int REQUESTS = 1_000_000;
    private static final long DEADLINE_NANOS = TimeUnit.SECONDS.toNanos(30);

    private DeadlineCpuTime() {
    }

    public static void main(String[] args) throws Exception {
        DefaultEventLoop loop = new DefaultEventLoop();
        try {
            loop.submit(() -> measure(loop)).get();
        } finally {
            loop.shutdownGracefully(0, 0, TimeUnit.SECONDS).sync();
        }
    }

    private static void measure(DefaultEventLoop loop) {
        Runnable nothing = () -> { };
        for (int i = 0; i < OTHER_TIMERS; i++) {
            loop.schedule(nothing, 60 + i, TimeUnit.SECONDS);
        }
        DeadlineAlarm alarm = new DeadlineAlarm(loop);
        Runnable perRequest = () -> {
            ScheduledFuture<?> timer = loop.schedule(nothing, DEADLINE_NANOS, TimeUnit.NANOSECONDS);
            timer.cancel(false);
        };
        Runnable shared = () -> {
            alarm.set(nothing, alarm.now() + DEADLINE_NANOS);
            alarm.clear(nothing);
        };
        System.out.printf("timer per request  %5.1f ns CPU per request%n", best(perRequest));
        System.out.printf("shared wake-up     %5.1f ns CPU per request%n", best(shared));
    }

    private static double best(Runnable request) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (int i = 0; i < 2 * REQUESTS; i++) {
            request.run();
        }
        double best = Double.MAX_VALUE;
        for (int round = 0; round < 7; round++) {
            long start = threads.getCurrentThreadCpuTime();
            for (int i = 0; i < REQUESTS; i++) {
                request.run();
            }
            best = Math.min(best, (threads.getCurrentThreadCpuTime() - start) / (double) REQUESTS);
        }
        return best;
    }
}
