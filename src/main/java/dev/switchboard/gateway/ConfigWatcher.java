package dev.switchboard.gateway;

import dev.switchboard.config.ConfigLoader;
import dev.switchboard.config.ConfigProblem;
import dev.switchboard.config.GatewayConfig;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reloads a gateway when its config file changes. It looks at the file's {@link FileStamp} every {@link #POLL}
 * rather than watching the directory: a directory watch woke the process on every write to any file beside the
 * config (an access log, the audit log), and under a steady stream of those writes its wait for the burst to settle
 * never ended, so an edit was not applied while traffic flowed. A directory watch also missed a Kubernetes ConfigMap
 * update, which swaps a link of another name; the stamp follows links. A change is applied once the stamp has held
 * still for one poll, so a file still being written is read whole. A file with problems is rejected with every
 * problem logged, and the gateway keeps serving the config it has.
 */
public final class ConfigWatcher implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ConfigWatcher.class);
    static final Duration POLL = Duration.ofMillis(250);

    private final Path file;
    private final ConfigApplier applier;
    private final ScheduledExecutorService poller;
    // Touched by the poller's thread only.
    private FileStamp seen;
    private FileStamp changed;

    private ConfigWatcher(Path file, Gateway gateway, UnaryOperator<GatewayConfig> overrides) {
        this.file = file.toAbsolutePath();
        this.applier = new ConfigApplier(gateway, overrides);
        // Unknown at first: the file may have changed since the start read it (the warm-up alone takes seconds), so
        // the first checks offer it again; an unchanged file is a no-op.
        this.seen = null;
        this.poller = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("config-watcher").factory());
    }

    /** Starts watching {@code file} for {@code gateway}. */
    public static ConfigWatcher start(Path file, Gateway gateway) {
        return start(file, gateway, UnaryOperator.identity());
    }

    /**
     * Starts watching {@code file} for {@code gateway}, applying {@code overrides} to every config it loads: the
     * command line's overrides (--access-log, --region) must outlive a reload, as the file does not hold them.
     */
    public static ConfigWatcher start(Path file, Gateway gateway, UnaryOperator<GatewayConfig> overrides) {
        ConfigWatcher w = new ConfigWatcher(file, gateway, overrides);
        w.poller.scheduleWithFixedDelay(w::poll, POLL.toMillis(), POLL.toMillis(), TimeUnit.MILLISECONDS);
        LOG.info("watching {} for changes", w.file);
        return w;
    }

    /** Loads the file and applies it when it is valid and differs from the running config. */
    public ConfigApplier.Outcome reload() {
        try {
            return applier.offer(ConfigLoader.load(file), file.toString()).outcome();
        } catch (IOException e) {
            return applier.refuse(file.toString(), List.of(new ConfigProblem(ConfigProblem.ROOT, 1, 1, "cannot read the file: " + e))).outcome();
        }
    }

    private void poll() {
        try {
            FileStamp now = FileStamp.of(file);
            if (now.equals(seen)) {
                changed = null;
                return;
            }
            if (!now.equals(changed)) {
                // New since the last poll: apply it once it has held still for a poll.
                changed = now;
                return;
            }
            seen = now;
            changed = null;
            if (now.missing()) {
                LOG.warn("{} is gone; the running config keeps serving until it is back", file);
            } else {
                reload();
            }
        } catch (RuntimeException e) {
            // A failed poll must not end the schedule: the next one tries again.
            LOG.warn("checking {} for changes failed: {}", file, e.toString());
        }
    }

    @Override
    public void close() {
        poller.shutdownNow();
    }
}
