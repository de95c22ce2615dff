package dev.switchboard.gateway;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.SymbolLookup;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.util.Optional;

/**
 * The calling thread's Linux nice value, which the kernel keeps per thread ({@code setpriority(2)} on a thread id),
 * for background threads that should take the cores only when requests do not need them. Raising it needs no
 * privilege; Java's own thread priorities are ignored on Linux.
 */
final class ThreadNice {

    private static final int PRIO_PROCESS = 0;

    private ThreadNice() {
    }

    /**
     * Sets the calling thread's nice value to {@code nice} (0-19 without privileges).
     *
     * @return empty when set, otherwise why not (not Linux, native access denied, the call failed)
     */
    static Optional<String> setForCurrentThread(int nice) {
        try {
            Linker linker = Linker.nativeLinker();
            SymbolLookup libc = linker.defaultLookup();
            MethodHandle gettid = linker.downcallHandle(libc.find("gettid").orElseThrow(),
                    FunctionDescriptor.of(ValueLayout.JAVA_INT));
            MethodHandle setpriority = linker.downcallHandle(libc.find("setpriority").orElseThrow(),
                    FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.JAVA_INT,
                            ValueLayout.JAVA_INT));
            int tid = (int) gettid.invokeExact();
            int result = (int) setpriority.invokeExact(PRIO_PROCESS, tid, nice);
            return result == 0 ? Optional.empty() : Optional.of("setpriority returned " + result);
        } catch (Throwable e) {
            // invokeExact declares Throwable; a missing symbol, denied native access or another OS lands here too.
            return Optional.of(e.toString());
        }
    }
}
