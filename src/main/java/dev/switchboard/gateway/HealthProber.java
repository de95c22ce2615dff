package dev.switchboard.gateway;

import dev.switchboard.config.BackendConfig;
import dev.switchboard.config.GatewayConfig;
import dev.switchboard.config.HealthProbeConfig;
import dev.switchboard.config.StatusCodeRange;
import dev.switchboard.config.TlsConfig;
import dev.switchboard.engine.routing.BackendUrl;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.Future;
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
    private final class BackendProbe implements UpstreamListener {

        private final String backendId;
        private final HealthProbeConfig config;
        private final BackendUrl url;
        private final UpstreamKey key;
        private final EventLoop loop;
        private final GatewayRuntime runtime;
        private ScheduledFuture<?> timer;
        private UpstreamPool.Lease lease;
        private int status;
        private boolean keepAlive;
        private boolean inProgress;

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
            inProgress = true;
            status = 0;
            timer = loop.schedule(() -> finish(false, "no response within " + config.timeout()), config.timeout().toNanos(), TimeUnit.NANOSECONDS);
            runtime.pool(loop).acquire(key, config.timeout()).addListener((Future<UpstreamPool.Lease> f) -> onAcquired(f));
        }

        private void onAcquired(Future<UpstreamPool.Lease> f) {
            if (!f.isSuccess()) {
                finish(false, "cannot connect: " + f.cause().getMessage());
                return;
            }
            if (!inProgress) {
                f.getNow().channel().close();
                return;
            }
            lease = f.getNow();
            lease.handler().attach(this);
            FullHttpRequest get = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.GET, url.requestTarget(config.path(), null));
            get.headers().set(HttpHeaderNames.HOST, url.authority()).set(HttpHeaderNames.USER_AGENT, "switchboard-health-probe");
            HttpUtil.setContentLength(get, 0);
            lease.channel().writeAndFlush(get).addListener(ChannelFutureListener.CLOSE_ON_FAILURE);
        }

        @Override
        public void onResponsePart(HttpObject msg) {
            if (msg instanceof HttpResponse response) {
                status = response.status().code();
                keepAlive = HttpUtil.isKeepAlive(response);
            }
            boolean last = msg instanceof LastHttpContent;
            ReferenceCountUtil.release(msg);
            if (msg instanceof HttpContent && last && status >= 200) {
                UpstreamPool.Lease done = lease;
                lease = null;
                if (keepAlive) {
                    runtime.pool(loop).release(done);
                } else {
                    done.channel().close();
                }
                finish(StatusCodeRange.anyContains(config.expectedStatusCodeRanges(), status), "status " + status);
            }
        }

        @Override
        public void onUpstreamClosed() {
            lease = null;
            finish(false, "connection closed before a complete response");
        }

        @Override
        public void onUpstreamError(Throwable cause) {
            lease = null;
            finish(false, "connection failed: " + cause.getMessage());
        }

        @Override
        public void onUpstreamWritabilityChanged(boolean writable) {
            // A probe request is tiny; there is nothing to hold back.
        }

        private void finish(boolean success, String detail) {
            if (!inProgress) {
                return;
            }
            release();
            if (stopped) {
                return;
            }
            try {
                runtime.engine().reportProbe(backendId, success, detail);
            } catch (IllegalArgumentException e) {
                LOG.debug("probe of '{}' no longer applies: {}", backendId, e.getMessage());
            }
            timer = loop.schedule(this::run, config.interval().toNanos(), TimeUnit.NANOSECONDS);
        }

        void cancel() {
            release();
        }

        /** Ends the probe in progress: its timer and its connection. */
        private void release() {
            inProgress = false;
            if (timer != null) {
                timer.cancel(false);
            }
            if (lease != null) {
                lease.handler().detach();
                lease.channel().close();
                lease = null;
            }
        }
    }
}
