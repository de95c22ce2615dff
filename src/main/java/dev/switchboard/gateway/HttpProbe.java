package dev.switchboard.gateway;

import dev.switchboard.config.StatusCodeRange;
import dev.switchboard.dns.ProbeResult;
import dev.switchboard.engine.routing.BackendUrl;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.EventLoop;
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
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * One HTTP GET of a probe path through its loop's connection pool, ending in exactly one result within the timeout:
 * success when the status is in the expected ranges. Backend health probes and traffic-profile monitors both use it.
 * All its state lives on {@link #loop}.
 */
final class HttpProbe implements UpstreamListener {

    private final EventLoop loop;
    private final GatewayRuntime runtime;
    private final UpstreamKey key;
    private final BackendUrl url;
    private final String path;
    private final Duration timeout;
    private final List<StatusCodeRange> expected;
    private final String userAgent;
    private final Consumer<ProbeResult> done;
    private ScheduledFuture<?> timer;
    private UpstreamPool.Lease lease;
    private int status;
    private boolean keepAlive;
    private boolean inProgress;

    HttpProbe(EventLoop loop, GatewayRuntime runtime, UpstreamKey key, BackendUrl url, String path, Duration timeout,
              List<StatusCodeRange> expected, String userAgent, Consumer<ProbeResult> done) {
        this.loop = loop;
        this.runtime = runtime;
        this.key = key;
        this.url = url;
        this.path = path;
        this.timeout = timeout;
        this.expected = expected;
        this.userAgent = userAgent;
        this.done = done;
    }

    /** Starts the probe; call on {@link #loop}. */
    void start() {
        inProgress = true;
        status = 0;
        timer = loop.schedule(() -> finish(false, "no response within " + timeout), timeout.toNanos(), TimeUnit.NANOSECONDS);
        runtime.pool(loop).acquire(key, timeout).addListener((Future<UpstreamPool.Lease> f) -> onAcquired(f));
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
        FullHttpRequest get = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.GET, url.requestTarget(path, null));
        get.headers().set(HttpHeaderNames.HOST, url.authority()).set(HttpHeaderNames.USER_AGENT, userAgent);
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
            UpstreamPool.Lease ended = lease;
            lease = null;
            if (keepAlive) {
                runtime.pool(loop).release(ended);
            } else {
                ended.channel().close();
            }
            finish(StatusCodeRange.anyContains(expected, status), "status " + status);
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
        cancel();
        done.accept(new ProbeResult(success, detail));
    }

    /** Ends the probe without a result: its timer and its connection. Call on {@link #loop}. */
    void cancel() {
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
