package dev.switchboard.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The nice value is the kernel's, per thread: read back from /proc, for the thread that set it and no other. */
class ThreadNiceTest {

    /** The nice value of thread {@code tid} of this process (field 19 of its stat, after the parenthesised name). */
    static int niceOf(String tid) {
        try {
            String stat = Files.readString(Path.of("/proc/self/task", tid, "stat"));
            return Integer.parseInt(stat.substring(stat.lastIndexOf(')') + 2).split(" ")[16]);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String currentTid() throws IOException {
        return Path.of("/proc/thread-self").toRealPath().getFileName().toString();
    }

    @Test
    void setsTheCallingThreadsNiceAndLeavesTheOthers() throws Exception {
        CountDownLatch checked = new CountDownLatch(1);
        CompletableFuture<String> tid = new CompletableFuture<>();
        CompletableFuture<Optional<String>> result = new CompletableFuture<>();
        Thread background = Thread.ofPlatform().start(() -> {
            result.complete(ThreadNice.setForCurrentThread(7));
            try {
                tid.complete(currentTid());
                checked.await(10, TimeUnit.SECONDS);
            } catch (IOException | InterruptedException e) {
                tid.completeExceptionally(e);
            }
        });

        assertThat(result.get(10, TimeUnit.SECONDS)).isEmpty();
        assertThat(niceOf(tid.get(10, TimeUnit.SECONDS))).isEqualTo(7);
        assertThat(niceOf(currentTid())).isZero();
        checked.countDown();
        background.join();
    }
}
