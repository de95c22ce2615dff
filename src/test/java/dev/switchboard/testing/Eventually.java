package dev.switchboard.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * Waits for a condition that real sockets make true "soon"; for networked tests only (engine tests use
 * virtual time). Fails with the given description when the deadline passes.
 */
public final class Eventually {

    private Eventually() {
    }

    public static void await(String what, Duration deadline, BooleanSupplier condition) {
        long end = System.nanoTime() + deadline.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("not within " + deadline + ": " + what);
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for: " + what, e);
            }
        }
    }

    /** Waits until {@code file} (a process's output, say) contains {@code text}; fails with what the file holds. */
    public static void awaitText(Path file, String text, Duration deadline) {
        try {
            await(file.getFileName() + " containing '" + text + "'", deadline, () -> read(file).contains(text));
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "; it holds:\n" + read(file), e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
