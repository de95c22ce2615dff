package dev.switchboard.gateway;

import dev.switchboard.config.BackendConfig;
import dev.switchboard.config.GatewayConfig;
import dev.switchboard.config.HealthProbeConfig;
import dev.switchboard.config.TlsConfig;
import dev.switchboard.dns.ProbeResult;
import dev.switchboard.engine.routing.BackendUrl;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.util.concurrent.ScheduledFuture;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Active health probes: each probed backend gets an HTTP GET of its probe path every interval, on one event loop
 * through that loop's connection pool, and each result goes to the engine. A probe never overlaps the previous one
 * of the same backend: the next is scheduled when one ends.
 */
final class HealthProber {

    private static final Logger LOG = LoggerFactory.getLogger(HealthProber.class);

    private final List<BackendProbe> probes = new ArrayList<>();
    private volatile boolean stopped;

    private HealthProber() {
    }

    static HealthProber start(GatewayConfig config, EventLoopGroup group, GatewayRuntime runtime) {
        HealthProber prober = new HealthProber();
        for (BackendConfig backend : config.backends().values()) {
            if (backend.healthProbe() != null && backend.url() != null) {
                BackendProbe probe = prober.new BackendProbe(backend, BackendUrl.parse(backend.url()), group.next(), runtime);
                prober.probes.add(probe);
                probe.loop.execute(probe::run);
            }
        }
        return prober;
    }

    void stop() {
        stopped = true;
        probes.forEach(p -> p.loop.execute(p::cancel));
    }

    /** The probe cycle of one backend; all its state lives on {@link #loop}. */
    private final class BackendProbe {

        private final String backendId;
        private final HealthProbeConfig config;
        private final BackendUrl url;
        private final UpstreamKey key;
        private final EventLoop loop;
        private final GatewayRuntime runtime;
        private HttpProbe current;
        private ScheduledFuture<?> next;

        BackendProbe(BackendConfig backend, BackendUrl url, EventLoop loop, GatewayRuntime runtime) {
            this.backendId = backend.id();
            this.config = backend.healthProbe();
            this.url = url;
            this.key = new UpstreamKey(url.host(), url.port(), url.tls() ? backend.tls() == null ? TlsConfig.DEFAULT : backend.tls() : null);
            this.loop = loop;
            this.runtime = runtime;
        }

        void run() {
            if (stopped) {
                return;
            }
            current = new HttpProbe(loop, runtime, key, url, config.path(), config.timeout(), config.expectedStatusCodeRanges(),
                    "switchboard-health-probe", this::finish);
            current.start();
        }

        private void finish(ProbeResult result) {
            current = null;
            if (stopped) {
                return;
            }
            try {
                runtime.engine().reportProbe(backendId, result.success(), result.detail());
            } catch (IllegalArgumentException e) {
                LOG.debug("probe of '{}' no longer applies: {}", backendId, e.getMessage());
            }
            next = loop.schedule(this::run, config.interval().toNanos(), TimeUnit.NANOSECONDS);
        }

        void cancel() {
            if (current != null) {
                current.cancel();
                current = null;
            }
            if (next != null) {
                next.cancel(false);
            }
        }
    }
}
