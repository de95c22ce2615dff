package dev.switchboard.gateway;

import dev.switchboard.config.ConfigLoader;
import dev.switchboard.config.ConfigProblem;
import dev.switchboard.config.GatewayConfig;
import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reloads a gateway when its config file changes. Watches the parent directory, because editors and deploy tools
 * replace files by rename, which a watch on the file itself would miss. A burst of events becomes one reload once
 * the directory has been quiet for {@link #SETTLE_MILLIS}. A file with problems is rejected with every problem
 * logged, and the gateway keeps serving the config it has.
 */
public final class ConfigWatcher implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ConfigWatcher.class);
    private static final long SETTLE_MILLIS = 200;

    private final Path file;
    private final ConfigApplier applier;
    private final WatchService watcher;
    private final Thread thread;

    private ConfigWatcher(Path file, Gateway gateway, UnaryOperator<GatewayConfig> overrides) throws IOException {
        this.file = file.toAbsolutePath();
        this.applier = new ConfigApplier(gateway, overrides);
        this.watcher = FileSystems.getDefault().newWatchService();
        this.file.getParent().register(watcher, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY,
                StandardWatchEventKinds.OVERFLOW);
        this.thread = Thread.ofPlatform().daemon().name("config-watcher").unstarted(this::watch);
    }

    /** Starts watching {@code file} for {@code gateway}. */
    public static ConfigWatcher start(Path file, Gateway gateway) throws IOException {
        return start(file, gateway, UnaryOperator.identity());
    }

    /**
     * Starts watching {@code file} for {@code gateway}, applying {@code overrides} to every config it loads: the
     * command line's overrides (--access-log, --region) must outlive a reload, as the file does not hold them.
     */
    public static ConfigWatcher start(Path file, Gateway gateway, UnaryOperator<GatewayConfig> overrides) throws IOException {
        ConfigWatcher w = new ConfigWatcher(file, gateway, overrides);
        w.thread.start();
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

    private void watch() {
        try {
            while (true) {
                WatchKey key = watcher.take();
                boolean relevant = drain(key);
                // Let a burst (truncate + write, or write temp + rename) settle before reading the file.
                WatchKey more;
                while ((more = watcher.poll(SETTLE_MILLIS, TimeUnit.MILLISECONDS)) != null) {
                    relevant |= drain(more);
                }
                if (relevant) {
                    reload();
                }
            }
        } catch (InterruptedException | ClosedWatchServiceException e) {
            LOG.debug("config watcher stopped");
        }
    }

    private boolean drain(WatchKey key) {
        boolean relevant = false;
        for (WatchEvent<?> event : key.pollEvents()) {
            relevant |= event.kind() == StandardWatchEventKinds.OVERFLOW || file.getFileName().equals(event.context());
        }
        key.reset();
        return relevant;
    }

    @Override
    public void close() {
        try {
            watcher.close();
        } catch (IOException e) {
            LOG.debug("closing the watch service failed: {}", e.toString());
        }
        thread.interrupt();
    }
}
