package dev.switchboard.gateway;

import dev.switchboard.config.ConfigHash;
import dev.switchboard.config.ConfigLoader;
import dev.switchboard.config.ConfigProblem;
import dev.switchboard.config.ConfigResult;
import dev.switchboard.config.GatewayConfig;
import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.concurrent.TimeUnit;
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

    /** What a reload did. */
    public enum Outcome {
        APPLIED,
        UNCHANGED,
        REJECTED
    }

    private final Path file;
    private final Gateway gateway;
    private final WatchService watcher;
    private final Thread thread;

    private ConfigWatcher(Path file, Gateway gateway) throws IOException {
        this.file = file.toAbsolutePath();
        this.gateway = gateway;
        this.watcher = FileSystems.getDefault().newWatchService();
        this.file.getParent().register(watcher, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY,
                StandardWatchEventKinds.OVERFLOW);
        this.thread = Thread.ofPlatform().daemon().name("config-watcher").unstarted(this::watch);
    }

    /** Starts watching {@code file} for {@code gateway}. */
    public static ConfigWatcher start(Path file, Gateway gateway) throws IOException {
        ConfigWatcher w = new ConfigWatcher(file, gateway);
        w.thread.start();
        LOG.info("watching {} for changes", w.file);
        return w;
    }

    /** Loads the file and applies it when it is valid and differs from the running config. */
    public Outcome reload() {
        ConfigResult result;
        try {
            result = ConfigLoader.load(file);
        } catch (IOException e) {
            LOG.error("config reload rejected: cannot read {}: {}; still serving the previous config", file, e.toString());
            return Outcome.REJECTED;
        }
        return switch (result) {
            case ConfigResult.Valid(GatewayConfig next) -> apply(next);
            case ConfigResult.Invalid(var problems) -> {
                LOG.error("config reload rejected: {} has {} problem(s); still serving the previous config", file, problems.size());
                for (ConfigProblem p : problems) {
                    LOG.error("  {}:{}:{}: {}: {}", file.getFileName(), p.line(), p.column(), p.path(), p.message());
                }
                gateway.notifications().configRefused("file " + file.getFileName(), problems.stream().map(ConfigProblem::toString).toList());
                yield Outcome.REJECTED;
            }
        };
    }

    private Outcome apply(GatewayConfig next) {
        String hash = ConfigHash.shortHash(next);
        if (hash.equals(ConfigHash.shortHash(gateway.config()))) {
            return Outcome.UNCHANGED;
        }
        try {
            gateway.applyConfig(next);
        } catch (RuntimeException e) {
            LOG.error("config reload rejected: applying {} failed; still serving the previous config", file, e);
            return Outcome.REJECTED;
        }
        LOG.info("config reloaded from {} (version {})", file, hash);
        return Outcome.APPLIED;
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
