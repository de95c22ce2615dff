package dev.switchboard.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs a command-line tool a test needs (promtool, prometheus) with a deadline. A missing tool fails the test with
 * what to install: CI installs it (.ci/run), so these tests never skip.
 */
public final class ExternalProcess {

    /** What one run printed (stdout and stderr together) and its exit code. */
    public record Result(int exitCode, String output) {
    }

    private ExternalProcess() {
    }

    /** The absolute path of {@code tool} on the PATH (or /usr/bin); fails naming {@code debianPackage} when absent. */
    public static Path require(String tool, String debianPackage) {
        for (String dir : (System.getenv().getOrDefault("PATH", "") + ":/usr/bin").split(":")) {
            Path candidate = Path.of(dir.isEmpty() ? "." : dir, tool);
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        throw new AssertionError(tool + " is not installed: install the Debian package " + debianPackage
                + " (apt-get install " + debianPackage + "; .ci/run does this in CI)");
    }

    /** Runs {@code command} to its end; fails when it takes longer than {@code deadline}. */
    public static Result run(List<String> command, Duration deadline) {
        try {
            Path log = Files.createTempFile("process", ".log");
            Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            if (!p.waitFor(deadline.toMillis(), TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
                throw new AssertionError(command + " did not finish within " + deadline);
            }
            String output = Files.readString(log, StandardCharsets.UTF_8);
            Files.delete(log);
            return new Result(p.exitValue(), output);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted running " + command, e);
        }
    }
}
