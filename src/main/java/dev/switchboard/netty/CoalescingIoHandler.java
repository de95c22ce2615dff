package dev.switchboard.netty;

import io.netty.channel.IoHandle;
import io.netty.channel.IoHandler;
import io.netty.channel.IoHandlerContext;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.IoRegistration;
import io.netty.channel.uring.IoUringIoHandler;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.OptionalInt;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An io_uring event loop that, while gathering its wake-ups pays, gathers them, as a NIC's interrupt moderation does.
 * Each wake-up of a sleeping loop costs whoever completes its I/O a cross-core wake-up. Where the load generator, the
 * backends and the gateway share saturated cores (the gateway benchmark at 64 connections), those wake-ups were the
 * gap to HAProxy (issue 15), and gathering them closed it. A coalesced wait waits for {@value #BATCH} completions or,
 * once {@value #MIN_WAIT_MICROS} µs have passed, for any (Linux 6.12's {@code min_wait_usec}); on Netty's rings,
 * which defer task running, the kernel does not wake it before those µs are up, so each wait lasts them. That
 * latency costs a loop with few concurrent clients more than the wake-ups it saves (at 4 and 16 connections, a
 * third and an eighth of the requests). So the loop coalesces only while it has been busy for at least half of its
 * recent time ({@link LoopLoad}) and a {@link CoalescingTrial} of both ways of waiting finds that coalescing completes
 * more per second; otherwise it wakes on the first event, as Netty does. Netty's own wait stays the fallback: after
 * {@value #QUIET_NANOS} ns without an event (for scheduled tasks and its wake-up event), and wherever the kernel or
 * Netty's internals do not allow this wait. {@value #PROPERTY}{@code =false} turns it off.
 */
final class CoalescingIoHandler implements IoHandler {

    static final String PROPERTY = "switchboard.ioUring.coalesce";
    static final int BATCH = 32;
    static final int MIN_WAIT_MICROS = 200;
    /** How long this handler waits before handing the wait to Netty, whose wake-up event it cannot arm itself. */
    static final long QUIET_NANOS = 1_000_000L;
    /** A quiet spell this long ends a load: the one that follows is tried afresh. Shorter ones come and go under load. */
    static final long NEW_LOAD_NANOS = 100_000_000L;
    private static final Logger LOG = LoggerFactory.getLogger(CoalescingIoHandler.class);
    private static final IoHandlerContext NO_BLOCKING = new IoHandlerContext() {
        @Override
        public boolean canBlock() {
            return false;
        }

        @Override
        public long delayNanos(long currentTimeNanos) {
            return 0;
        }

        @Override
        public long deadlineNanos() {
            return -1;
        }
    };

    private final IoHandler netty;
    private final LoopLoad load = new LoopLoad();
    private final CoalescingTrial trial = new CoalescingTrial();
    private RingWait wait;
    private long lastWake;
    /** When the last wait began, and the completions handled since. */
    private long lastWait;
    private long handled;
    private boolean coalescing;

    private CoalescingIoHandler(IoHandler netty) {
        this.netty = netty;
    }

    /** Netty's io_uring loops from {@code factory}, coalescing unless {@value #PROPERTY} is {@code false}. */
    static IoHandlerFactory wrapUnlessOff(IoHandlerFactory factory) {
        return wrapUnlessOff(factory, System.getProperty(PROPERTY));
    }

    static IoHandlerFactory wrapUnlessOff(IoHandlerFactory factory, String setting) {
        return "false".equalsIgnoreCase(setting) ? factory : coalescing(factory);
    }

    static IoHandlerFactory coalescing(IoHandlerFactory factory) {
        return executor -> new CoalescingIoHandler(factory.newHandler(executor));
    }

    /** Whether this loop waits through {@link RingWait} (false where it fell back to Netty's wait alone). */
    boolean waitsItself() {
        return wait != null;
    }

    /** Whether this loop's waits coalesce: its latest did, and no quiet spell has made it idle since. */
    boolean coalescing() {
        return wait != null && coalescing && load.busyEnough();
    }

    @Override
    public void initialize() {
        netty.initialize();
        OptionalInt fd = ringFd(netty);
        wait = fd.isPresent() ? new RingWait(fd.getAsInt()) : null;
        lastWake = System.nanoTime();
        lastWait = lastWake;
    }

    @Override
    public int run(IoHandlerContext context) {
        if (wait == null || !context.canBlock()) {
            return counted(netty.run(context));
        }
        int ready = counted(netty.run(NO_BLOCKING));
        if (ready > 0) {
            return ready;
        }
        long timeout = QUIET_NANOS;
        long start = System.nanoTime();
        if (context.deadlineNanos() != -1) {
            timeout = Math.min(timeout, context.delayNanos(start));
        }
        if (timeout <= 0) {
            return counted(netty.run(context));
        }
        load.busy(start - lastWake);
        coalescing = shouldCoalesce(start);
        RingWait.Result result = coalescing
                ? wait.await(BATCH, MIN_WAIT_MICROS, timeout)
                : wait.await(1, 0, timeout);
        // A coalesced wait is idle by choice, not for want of work, unless nothing came at all.
        wokeAfter(start, !coalescing || result == RingWait.Result.TIMED_OUT);
        if (result == RingWait.Result.UNSUPPORTED) {
            LOG.info("io_uring waits cannot coalesce wake-ups on this kernel (6.12+ can); using Netty's wait alone");
            wait = null;
        }
        if (result != RingWait.Result.TIMED_OUT) {
            return counted(netty.run(context));
        }
        // Quiet: Netty's wait, which also wakes for tasks from other threads.
        long quiet = lastWake;
        int ran = counted(netty.run(context));
        wokeAfter(quiet, true);
        if (lastWake - quiet >= NEW_LOAD_NANOS) {
            trial.restart();
        }
        return ran;
    }

    private int counted(int completions) {
        handled += completions;
        return completions;
    }

    /** Busy enough to coalesce, and winning the trial of whether it pays, which runs only while busy enough. */
    private boolean shouldCoalesce(long now) {
        long spent = now - lastWait;
        long completions = handled;
        lastWait = now;
        handled = 0;
        if (!load.busyEnough()) {
            return false;
        }
        trial.record(spent, completions);
        return trial.coalescing();
    }

    /** Marks now as the loop's last wake, counting the wait since {@code start} as idle if {@code idle}. */
    private void wokeAfter(long start, boolean idle) {
        lastWake = System.nanoTime();
        if (idle) {
            load.idle(lastWake - start);
        }
    }

    /** The ring's file descriptor, from Netty's internals (4.2: IoUringIoHandler.ringBuffer.fd()). */
    private static OptionalInt ringFd(IoHandler handler) {
        if (!(handler instanceof IoUringIoHandler)) {
            return OptionalInt.empty();
        }
        try {
            Field ringField = IoUringIoHandler.class.getDeclaredField("ringBuffer");
            ringField.setAccessible(true);
            Object ring = ringField.get(handler);
            Method fd = ring.getClass().getDeclaredMethod("fd");
            fd.setAccessible(true);
            return OptionalInt.of((int) fd.invoke(ring));
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.warn("cannot find the io_uring ring of Netty {}; its loops wake once per event: {}",
                    IoUringIoHandler.class.getPackage().getImplementationVersion(), e.toString());
            return OptionalInt.empty();
        }
    }

    @Override
    public void prepareToDestroy() {
        netty.prepareToDestroy();
    }

    @Override
    public void destroy() {
        netty.destroy();
    }

    @Override
    public IoRegistration register(IoHandle handle) throws Exception {
        return netty.register(handle);
    }

    @Override
    public void wakeup() {
        netty.wakeup();
    }

    @Override
    public boolean isCompatible(Class<? extends IoHandle> handleType) {
        return netty.isCompatible(handleType);
    }
}
