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
 * An io_uring event loop that, while it is busy, gathers its wake-ups, as a NIC's interrupt moderation does; off
 * unless {@value #PROPERTY} is {@code true}. Each wake-up of a sleeping loop costs whoever completes its I/O a
 * cross-core wake-up. Where the load generator, the backends and the gateway share two saturated cores (the gateway
 * benchmark), those wake-ups were the gap to HAProxy (issue 15), and gathering them closed it. When the loop has been
 * busy for at least half of its recent time ({@link LoopLoad}), it waits for {@value #BATCH} completions or, once
 * {@value #MIN_WAIT_MICROS} µs have passed, for any (Linux 6.12's {@code min_wait_usec}); on Netty's rings, which
 * defer task running, the kernel does not wake it before those µs are up, so each wait lasts them. That is latency
 * an unsaturated gateway pays for nothing (a third fewer requests per second at 4 concurrent clients in the same
 * bench), hence opt-in. At lighter load it wakes on the first event, as Netty does. Netty's own wait stays the
 * fallback: after {@value #QUIET_NANOS} ns without an event (for scheduled tasks and its wake-up event), and wherever
 * the kernel or Netty's internals do not allow this wait.
 */
final class CoalescingIoHandler implements IoHandler {

    static final String PROPERTY = "switchboard.ioUring.coalesce";
    static final int BATCH = 32;
    static final int MIN_WAIT_MICROS = 200;
    /** How long this handler waits before handing the wait to Netty, whose wake-up event it cannot arm itself. */
    static final long QUIET_NANOS = 1_000_000L;
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
    private RingWait wait;
    private long lastWake;

    private CoalescingIoHandler(IoHandler netty) {
        this.netty = netty;
    }

    /** Netty's io_uring loops from {@code factory}, coalescing if {@value #PROPERTY} is {@code true}. */
    static IoHandlerFactory wrapIfAsked(IoHandlerFactory factory) {
        return Boolean.getBoolean(PROPERTY) ? coalescing(factory) : factory;
    }

    static IoHandlerFactory coalescing(IoHandlerFactory factory) {
        return executor -> new CoalescingIoHandler(factory.newHandler(executor));
    }

    /** Whether this loop waits through {@link RingWait} (false where it fell back to Netty's wait alone). */
    boolean waitsItself() {
        return wait != null;
    }

    boolean coalescing() {
        return wait != null && load.coalescing();
    }

    @Override
    public void initialize() {
        netty.initialize();
        OptionalInt fd = ringFd(netty);
        wait = fd.isPresent() ? new RingWait(fd.getAsInt()) : null;
        lastWake = System.nanoTime();
    }

    @Override
    public int run(IoHandlerContext context) {
        if (wait == null || !context.canBlock()) {
            return netty.run(context);
        }
        int ready = netty.run(NO_BLOCKING);
        if (ready > 0) {
            return ready;
        }
        long timeout = QUIET_NANOS;
        long start = System.nanoTime();
        if (context.deadlineNanos() != -1) {
            timeout = Math.min(timeout, context.delayNanos(start));
        }
        if (timeout <= 0) {
            return netty.run(context);
        }
        load.busy(start - lastWake);
        RingWait.Result result = load.coalescing()
                ? wait.await(BATCH, MIN_WAIT_MICROS, timeout)
                : wait.await(1, 0, timeout);
        idleSince(start);
        if (result == RingWait.Result.UNSUPPORTED) {
            LOG.info("io_uring waits cannot coalesce wake-ups on this kernel (6.12+ can); using Netty's wait alone");
            wait = null;
        }
        if (result != RingWait.Result.TIMED_OUT) {
            return netty.run(context);
        }
        // Quiet: Netty's wait, which also wakes for tasks from other threads.
        long quiet = lastWake;
        int handled = netty.run(context);
        idleSince(quiet);
        return handled;
    }

    /** Counts the time since {@code start} as waiting, and now as the loop's last wake. */
    private void idleSince(long start) {
        lastWake = System.nanoTime();
        load.idle(lastWake - start);
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
