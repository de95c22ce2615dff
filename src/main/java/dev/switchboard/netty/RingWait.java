package dev.switchboard.netty;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.VarHandle;

/**
 * One io_uring wait the way Netty does not offer it: {@code io_uring_enter(2)} with {@code IORING_ENTER_EXT_ARG},
 * which waits for {@code minEvents} completions but, once {@code minWaitMicros} have passed, returns with any
 * (Linux 6.12's {@code min_wait_usec}; on a ring with deferred task running, as Netty's are, the kernel does not wake
 * the waiter before those µs are up). One instance per event loop, used on its thread only.
 */
final class RingWait {

    /** What a wait ended with. */
    enum Result {
        /** Completions are ready, or the wait ended early (a signal, an error Netty's own call will meet too). */
        WOKEN,
        /** None came within the timeout. */
        TIMED_OUT,
        /** The kernel does not take this wait (before 6.12: no {@code min_wait_usec}). */
        UNSUPPORTED
    }

    private static final long SYS_IO_URING_ENTER = 426;
    private static final long IORING_ENTER_GETEVENTS = 1;
    private static final long IORING_ENTER_EXT_ARG = 1 << 3;
    private static final int ETIME = 62;
    private static final int EINVAL = 22;
    /** struct io_uring_getevents_arg: u64 sigmask, u32 sigmask_sz, u32 min_wait_usec, u64 ts (a pointer). */
    private static final long ARG_SIZE = 24;
    private static final MemoryLayout ERRNO_STATE = Linker.Option.captureStateLayout();
    private static final VarHandle ERRNO = ERRNO_STATE.varHandle(MemoryLayout.PathElement.groupElement("errno"));
    private static final MethodHandle SYSCALL = Linker.nativeLinker().downcallHandle(
            Linker.nativeLinker().defaultLookup().find("syscall").orElseThrow(),
            FunctionDescriptor.of(ValueLayout.JAVA_LONG, ValueLayout.JAVA_LONG, ValueLayout.JAVA_LONG,
                    ValueLayout.JAVA_LONG, ValueLayout.JAVA_LONG, ValueLayout.JAVA_LONG, ValueLayout.ADDRESS,
                    ValueLayout.JAVA_LONG),
            Linker.Option.firstVariadicArg(1), Linker.Option.captureCallState("errno"));

    private final long ringFd;
    private final MemorySegment arg;
    private final MemorySegment timeout;
    private final MemorySegment errno;

    RingWait(int ringFd) {
        this.ringFd = ringFd;
        Arena arena = Arena.ofAuto();
        arg = arena.allocate(ARG_SIZE, Long.BYTES);
        timeout = arena.allocate(2 * Long.BYTES, Long.BYTES);
        errno = arena.allocate(ERRNO_STATE);
        arg.set(ValueLayout.JAVA_LONG, 16, timeout.address());
    }

    /** Waits for {@code minEvents} completions, for any after {@code minWaitMicros}, for none after {@code timeoutNanos}. */
    Result await(int minEvents, int minWaitMicros, long timeoutNanos) {
        arg.set(ValueLayout.JAVA_INT, 12, minWaitMicros);
        timeout.set(ValueLayout.JAVA_LONG, 0, timeoutNanos / 1_000_000_000L);
        timeout.set(ValueLayout.JAVA_LONG, 8, timeoutNanos % 1_000_000_000L);
        long result;
        try {
            result = (long) SYSCALL.invokeExact(errno, SYS_IO_URING_ENTER, ringFd, 0L, (long) minEvents,
                    IORING_ENTER_GETEVENTS | IORING_ENTER_EXT_ARG, arg, ARG_SIZE);
        } catch (Throwable t) {
            throw new IllegalStateException("io_uring_enter failed", t);
        }
        if (result >= 0) {
            return Result.WOKEN;
        }
        return switch ((int) ERRNO.get(errno, 0L)) {
            case ETIME -> Result.TIMED_OUT;
            case EINVAL -> Result.UNSUPPORTED;
            default -> Result.WOKEN;
        };
    }
}
