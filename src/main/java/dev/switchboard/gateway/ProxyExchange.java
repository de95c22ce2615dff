package dev.switchboard.gateway;

import dev.switchboard.config.ApiConfig;
import dev.switchboard.config.BackendConfig;
import dev.switchboard.config.ErrorReason;
import dev.switchboard.config.GatewayConfig;
import dev.switchboard.config.TimeoutsConfig;
import dev.switchboard.config.TlsConfig;
import dev.switchboard.engine.Attempts;
import dev.switchboard.engine.BackendHandle;
import dev.switchboard.engine.Engine;
import dev.switchboard.engine.NoneAvailable;
import dev.switchboard.engine.Pick;
import dev.switchboard.engine.retry.RetryDecision;
import dev.switchboard.engine.routing.RouteMatch;
import dev.switchboard.gateway.stats.ApiAttemptStats;
import io.netty.buffer.CompositeByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ConnectTimeoutException;
import io.netty.handler.codec.DecoderException;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.DefaultLastHttpContent;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpStatusClass;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.AsciiString;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.Future;
import io.netty.util.concurrent.ScheduledFuture;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One client request from its head to the end of its response, across every attempt on a backend.
 *
 * <p>The request body is held for replay only when the api has a retry policy and the body fits in
 * {@code maxBufferedBody}; a larger body is streamed to one backend without retry (a retry is still possible
 * while no body byte has left, e.g. on connection refused). Responses always stream. Once a response byte went to
 * the client the request is never retried. Everything runs on the client's event loop.
 */
final class ProxyExchange {

    static final AsciiString BACKEND_HEADER = AsciiString.cached("x-switchboard-backend");
    static final AsciiString ATTEMPTS_HEADER = AsciiString.cached("x-switchboard-attempts");
    private static final Logger LOG = LoggerFactory.getLogger(ProxyExchange.class);

    private final ProxyFrontendHandler frontend;
    private final ChannelHandlerContext client;
    private final GatewayRuntime runtime;
    private final Engine engine;
    private final GatewayConfig config;
    private final HttpRequest request;
    private final boolean clientKeepAlive;
    private final boolean requestChunked;
    private final boolean http10Client;
    private boolean closeDelimited;
    private boolean malformed;
    private final String path;
    /** The client's Host header (null without one), before the rewrite replaces it. */
    private final String clientHost;
    /** The request head is rewritten for backends in place, once; attempts then only change its target and Host. */
    private boolean headRewritten;

    private RouteMatch route;
    private String rawQuery;
    private String affinityKey;
    private Attempts attempts;
    private long deadlineNanos;
    /**
     * One timer serves the total deadline and the current attempt's per-try deadline (two timers per request cost
     * measurably). It may fire early; {@link #onTimer} then re-arms it for whatever is due next.
     */
    private ScheduledFuture<?> timer;
    private long timerAt;
    private final Runnable onTimer = guarded(this::onTimer);
    private ScheduledFuture<?> retryTimer;
    /**
     * Bounds the time between body parts where the deadlines no longer apply: once the response streams, and while
     * the rest of a request body is drained after its response.
     */
    private StallGuard bodyGuard;
    private Attempt attempt;

    /** Request body held for replay; null unless buffering. */
    private CompositeByteBuf buffered;
    /** Streamed request parts received but not yet written to a backend; null until there is one. */
    private ArrayDeque<HttpContent> pending;
    private boolean streaming;
    private boolean bodySent;
    private boolean requestComplete;
    private boolean responseStarted;
    private boolean done;
    private boolean keepAliveAfterRequest;

    ProxyExchange(ProxyFrontendHandler frontend, ChannelHandlerContext client, GatewayRuntime runtime, HttpRequest request) {
        this.frontend = frontend;
        this.client = client;
        this.runtime = runtime;
        this.engine = runtime.engine();
        this.config = engine.config();
        this.request = request;
        this.clientKeepAlive = HttpUtil.isKeepAlive(request);
        this.requestChunked = HttpUtil.isTransferEncodingChunked(request);
        this.http10Client = HttpVersion.HTTP_1_0.equals(request.protocolVersion());
        int q = request.uri().indexOf('?');
        this.path = q < 0 ? request.uri() : request.uri().substring(0, q);
        this.clientHost = request.headers().get(HttpHeaderNames.HOST);
    }

    boolean requestComplete() {
        return requestComplete;
    }

    void start() {
        try {
            begin();
        } catch (RuntimeException e) {
            failInternally(e);
        }
    }

    /** A part of the request body; this exchange owns it from here. */
    void onRequestContent(HttpContent content) {
        try {
            acceptContent(content);
        } catch (RuntimeException e) {
            failInternally(e);
        }
    }

    private void begin() {
        runtime.inFlight().begin();
        if (runtime.draining()) {
            respondProblem(Problem.shuttingDown());
            return;
        }
        String uri = request.uri();
        int q = uri.indexOf('?');
        rawQuery = q < 0 ? null : uri.substring(q + 1);
        route = engine.route(new HttpRequestView(request, path, rawQuery));
        if (route == null) {
            respondProblem(Problem.noApiMatched(clientHost, path));
            return;
        }
        ApiConfig api = route.api();
        Duration total = api.timeouts().total();
        long now = System.nanoTime();
        deadlineNanos = now + total.toNanos();
        // The first per-try deadline comes a little after now + perTry: firing then usually spares a reschedule.
        armTimer(now + Math.min(total.toNanos(), api.timeouts().perTry().toNanos()));
        affinityKey = AffinityKeys.of(config.backend(route.targetId()), request);
        attempts = new Attempts(api.retry() == null || api.retry().otherBackend());
        boolean hasBody = requestChunked || HttpUtil.getContentLength(request, 0L) > 0;
        if (hasBody && api.retry() != null && HttpUtil.getContentLength(request, -1L) <= api.maxBufferedBody()) {
            buffered = client.alloc().compositeBuffer(Integer.MAX_VALUE);
        } else if (hasBody) {
            streaming = true;
            startAttempt();
        }
    }

    private void acceptContent(HttpContent content) {
        boolean last = content instanceof LastHttpContent;
        if (content.decoderResult().isFailure()) {
            // The decoder drops the rest of the connection's bytes: this connection cannot carry another request.
            String why = describe(content.decoderResult().cause());
            content.release();
            requestComplete = true;
            malformed = true;
            if (done) {
                stopBodyGuard();
                frontend.exchangeDone(this, false);
                return;
            }
            if (attempt != null) {
                attempt.abandon();
            }
            respondProblem(Problem.malformedRequest("bad body framing (" + why + ")"));
            return;
        }
        if (last) {
            requestComplete = true;
        }
        if (done) {
            content.release();
            if (last) {
                stopBodyGuard();
                frontend.exchangeDone(this, keepAliveAfterRequest);
            } else if (bodyGuard != null) {
                bodyGuard.progress();
            }
            return;
        }
        if (buffered != null) {
            buffered.addComponent(true, content.content());
            if (buffered.readableBytes() > route.api().maxBufferedBody()) {
                // Too large to replay: from here on the body streams to one backend.
                CompositeByteBuf prefix = buffered;
                buffered = null;
                streaming = true;
                client.channel().config().setAutoRead(false);
                pend(last ? new DefaultLastHttpContent(prefix) : new DefaultHttpContent(prefix));
                startAttempt();
            } else if (last) {
                startAttempt();
            }
        } else if (streaming) {
            if (attempt != null && attempt.headSent) {
                attempt.sendBodyPart(content);
            } else {
                pend(content);
                client.channel().config().setAutoRead(false);
            }
        } else {
            content.release();
            if (last) {
                startAttempt();
            }
        }
    }

    private void pend(HttpContent content) {
        if (pending == null) {
            pending = new ArrayDeque<>(4);
        }
        pending.add(content);
    }

    void onClientWritabilityChanged(boolean writable) {
        if (attempt != null && attempt.lease != null && responseStarted) {
            attempt.lease.channel().config().setAutoRead(writable);
        }
    }

    void onClientClosed() {
        if (done) {
            stopBodyGuard();
            return;
        }
        if (attempt != null) {
            attempt.abandon();
        }
        requestComplete = true;
        finish(false);
    }

    /** True while a new attempt can send the whole request again: it is buffered, empty, or not yet sent. */
    private boolean replayable() {
        return !streaming || !bodySent;
    }

    private void startAttempt() {
        retryTimer = null;
        if (done) {
            return;
        }
        Pick pick = engine.pick(route.targetId(), affinityKey, attempts);
        if (pick instanceof NoneAvailable none) {
            respondProblem(Problem.unavailable(none.status(), route.api().name(), route.targetId(), none.retryAfterSeconds()));
            return;
        }
        BackendHandle handle = (BackendHandle) pick;
        if (!handle.targetId().equals(handle.backendId())) {
            runtime.stats().picked(handle.targetId(), handle.backendId());
        }
        connect(handle);
    }

    private void connect(BackendHandle backend) {
        Attempt next = new Attempt(backend);
        attempt = next;
        BackendConfig backendConfig = config.backend(backend.backendId());
        TlsConfig tls = !backend.url().tls() ? null
                : backendConfig == null || backendConfig.tls() == null ? TlsConfig.DEFAULT : backendConfig.tls();
        UpstreamKey key = new UpstreamKey(backend.url().host(), backend.url().port(), tls);
        UpstreamPool pool = frontend.pool();
        UpstreamPool.Lease idle = pool.pollIdle(key);
        if (idle != null) {
            next.onLeased(idle);
        } else {
            pool.connect(key, route.api().timeouts().connect()).addListener((Future<UpstreamPool.Lease> f) -> guarded(() -> next.onAcquired(f)).run());
        }
    }

    /**
     * The client's request head as the backend at {@code authority} gets it at {@code uri}. The head is rewritten in
     * place on the first attempt (nothing reads the client's headers after routing); later attempts only change the
     * target and Host.
     */
    private HttpRequest upstreamHead(String uri, String authority) {
        HttpHeaders headers = request.headers();
        if (headRewritten) {
            HeaderRewriter.setHost(headers, clientHost, authority, route.api().preserveHost());
        } else {
            headRewritten = true;
            HeaderRewriter.rewriteRequest(headers, frontend.clientIp(), runtime.scheme(), authority, route.api().preserveHost());
        }
        request.setProtocolVersion(HttpVersion.HTTP_1_1);
        request.setUri(uri);
        return request;
    }

    /** Decides what follows a failed or retryable attempt: another attempt after the engine's delay, or null. */
    private Duration retryDelay(int status, ErrorReason reason) {
        if (route.api().retry() == null || !replayable()) {
            return null;
        }
        RetryDecision decision = engine.retryPlanner().decide(route.api().retry(), attempts.count(), status, reason);
        if (!decision.retry() || System.nanoTime() + decision.delay().toNanos() >= deadlineNanos) {
            return null;
        }
        LOG.debug("{} {}: {}", request.method(), path, decision.reason());
        return decision.delay();
    }

    private void scheduleRetry(Duration delay) {
        attempt = null;
        if (delay.isZero()) {
            client.executor().execute(guarded(this::startAttempt));
        } else {
            retryTimer = client.executor().schedule(guarded(this::startAttempt), delay.toNanos(), TimeUnit.NANOSECONDS);
        }
    }

    /** Makes the timer fire no later than {@code atNanos}. */
    private void armTimer(long atNanos) {
        if (timer != null && timerAt - atNanos <= 0) {
            return;
        }
        cancel(timer);
        timerAt = atNanos;
        timer = client.executor().schedule(onTimer, atNanos - System.nanoTime(), TimeUnit.NANOSECONDS);
    }

    private void onTimer() {
        timer = null;
        if (done || responseStarted) {
            return;
        }
        long now = System.nanoTime();
        if (now - deadlineNanos >= 0) {
            onDeadline();
            return;
        }
        if (attempt != null && attempt.perTryDue(now)) {
            attempt.onPerTryTimeout();
        }
        if (!done && !responseStarted) {
            armTimer(attempt != null && attempt.perTryRunning && attempt.perTryDeadline - deadlineNanos < 0 ? attempt.perTryDeadline : deadlineNanos);
        }
    }

    private void onDeadline() {
        String backend = null;
        if (attempt != null) {
            backend = attempt.backend.backendId();
            attempt.fail(ErrorReason.Timeout);
        }
        respondProblem(Problem.timeout(route.api().name(), backend,
                "No response within the total timeout of " + route.api().timeouts().total() + " of api '" + route.api().name() + "' after "
                        + attempts.count() + " attempt(s)."));
    }

    /**
     * No body byte moved for the per-try timeout after the response started. A stalled backend is a Timeout for its
     * breaker; a client that stopped reading (its connection is not writable) is nobody's backend failure.
     */
    private void onBodyStall() {
        if (done) {
            // The response went out and the client stopped sending the rest of its body: no backend is to blame.
            LOG.debug("{} {}: the rest of the request body stalled; closing the client connection", request.method(), path);
            frontend.exchangeDone(this, false);
            return;
        }
        boolean clientStalled = !client.channel().isWritable();
        LOG.info("{} {}: no body bytes moved within {} ({} stalled); closing the client connection", request.method(), path,
                route.api().timeouts().perTry(), clientStalled ? "client" : "backend");
        if (attempt != null && clientStalled) {
            attempt.abandon();
        } else if (attempt != null) {
            attempt.fail(ErrorReason.Timeout);
        }
        abortClient();
    }

    /** Runs {@code task}, turning a bug in it into a 500 for this request instead of a stuck request. */
    Runnable guarded(Runnable task) {
        return () -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                failInternally(e);
            }
        };
    }

    /** A bug or an unexpected state: the request ends with 500 (or a closed connection once the response started). */
    void failInternally(RuntimeException e) {
        LOG.error("{} {}: internal error", request.method(), path, e);
        if (attempt != null) {
            attempt.abandon();
        }
        respondProblem(Problem.internalError());
    }

    private void respondProblem(Problem problem) {
        if (done) {
            return;
        }
        if (responseStarted) {
            abortClient();
            return;
        }
        if (problem.status() >= 500) {
            LOG.info("{} {} -> {} {}: {}", request.method(), path, problem.status(), problem.title(), problem.detail());
        } else {
            LOG.debug("{} {} -> {} {}", request.method(), path, problem.status(), problem.title());
        }
        FullHttpResponse response = ProblemResponses.render(problem, path, client.alloc());
        if (config.diagnostics() && attempts != null && attempts.count() > 0) {
            response.headers().setInt(ATTEMPTS_HEADER, attempts.count());
        }
        boolean keepAlive = keepAliveAllowed();
        if (!keepAlive) {
            response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        }
        responseStarted = true;
        client.writeAndFlush(response);
        finish(keepAlive);
    }

    private boolean keepAliveAllowed() {
        return clientKeepAlive && !closeDelimited && !malformed && !runtime.draining();
    }

    /** Response bytes already left: the only honest signal left is closing the client connection. */
    private void abortClient() {
        requestComplete = true;
        finish(false);
    }

    private void finish(boolean keepAlive) {
        if (done) {
            return;
        }
        done = true;
        cancel(timer);
        cancel(retryTimer);
        if (buffered != null) {
            buffered.release();
            buffered = null;
        }
        releasePending();
        runtime.inFlight().end();
        if (requestComplete) {
            stopBodyGuard();
            frontend.exchangeDone(this, keepAlive);
        } else {
            // The rest of the request body is read and dropped so the connection can carry the next request, as long
            // as its parts keep coming.
            keepAliveAfterRequest = keepAlive;
            watchBody();
            client.channel().config().setAutoRead(true);
        }
    }

    /** Starts the body-stall guard unless it runs already. */
    private void watchBody() {
        if (bodyGuard == null) {
            Duration limit = route == null ? TimeoutsConfig.DEFAULTS.perTry() : route.api().timeouts().perTry();
            bodyGuard = new StallGuard(client.executor(), limit.toNanos(), guarded(this::onBodyStall));
            bodyGuard.start();
        }
    }

    private void stopBodyGuard() {
        if (bodyGuard != null) {
            bodyGuard.stop();
        }
    }

    private void releasePending() {
        HttpContent part;
        while (pending != null && (part = pending.poll()) != null) {
            part.release();
        }
    }

    private static void cancel(ScheduledFuture<?> timer) {
        if (timer != null) {
            timer.cancel(false);
        }
    }

    private static boolean mayHaveBody(HttpMethod method, int status) {
        return !HttpMethod.HEAD.equals(method) && status >= 200 && status != 204 && status != 304;
    }

    /** One try on one backend connection. */
    private final class Attempt implements UpstreamListener {

        final BackendHandle backend;
        UpstreamPool.Lease lease;
        boolean headSent;
        /** From sending the request until its response head; see {@link ProxyExchange#onTimer}. */
        boolean perTryRunning;
        long perTryDeadline;
        private boolean responseSeen;
        private boolean informational;
        private boolean upstreamKeepAlive;
        private Duration retryAfterDiscard;
        private boolean discarding;
        private boolean over;

        private final ApiAttemptStats stats;
        private final long startNanos = System.nanoTime();
        private boolean counted;

        Attempt(BackendHandle backend) {
            this.backend = backend;
            this.stats = runtime.stats().backend(backend.backendId()).forApi(route.api().name());
            stats.started();
        }

        /** Tells the engine and the traffic stats; only the first outcome of an attempt counts as its request. */
        private void recordOutcome(int status, ErrorReason reason, String retryAfter) {
            engine.recordOutcome(backend, status, reason, retryAfter);
            if (counted) {
                stats.failedMidResponse(reason);
            } else if (reason == null) {
                stats.responded(status, System.nanoTime() - startNanos);
            } else {
                stats.failed(reason, System.nanoTime() - startNanos);
            }
            counted = true;
        }

        private void endUncounted() {
            if (!counted) {
                counted = true;
                stats.abandoned();
            }
        }

        void onAcquired(Future<UpstreamPool.Lease> f) {
            if (over || done || attempt != this) {
                if (f.isSuccess()) {
                    f.getNow().channel().close();
                }
                return;
            }
            if (!f.isSuccess()) {
                Throwable cause = f.cause();
                boolean timedOut = cause instanceof ConnectTimeoutException;
                failBeforeResponse(timedOut ? ErrorReason.Timeout : ErrorReason.BackendConnectionFailure,
                        timedOut ? Problem.timeout(route.api().name(), backend.backendId(), "Connecting to backend '" + backend.backendId()
                                + "' took longer than the connect timeout " + route.api().timeouts().connect() + ".")
                                : isTls(cause) ? Problem.tlsFailed(route.api().name(), backend.backendId(), describe(cause))
                                : Problem.connectFailed(route.api().name(), backend.backendId(), describe(cause)));
                return;
            }
            onLeased(f.getNow());
        }

        void onLeased(UpstreamPool.Lease leased) {
            lease = leased;
            lease.handler().attach(this);
            sendHead();
        }

        private void sendHead() {
            Channel up = lease.channel();
            HttpRequest head = upstreamHead(backend.url().requestTarget(route.remainingPath(), rawQuery), backend.url().authority());
            HttpHeaders headers = head.headers();
            if (buffered != null || !streaming) {
                int length = buffered == null ? 0 : buffered.readableBytes();
                if (buffered != null || headers.contains(HttpHeaderNames.CONTENT_LENGTH)) {
                    HttpUtil.setContentLength(head, length);
                }
                up.write(head, up.voidPromise());
                // Void promises: a failed write reaches UpstreamHandler.exceptionCaught, which fails the attempt.
                up.writeAndFlush(buffered == null ? LastHttpContent.EMPTY_LAST_CONTENT : new DefaultLastHttpContent(buffered.retainedDuplicate()),
                        up.voidPromise());
            } else {
                if (requestChunked) {
                    HttpUtil.setTransferEncodingChunked(head, true);
                }
                up.write(head, up.voidPromise());
                HttpContent part;
                while (pending != null && (part = pending.poll()) != null) {
                    bodySent = true;
                    up.write(part, up.voidPromise());
                }
                up.flush();
                if (!requestComplete) {
                    client.channel().config().setAutoRead(up.isWritable());
                }
            }
            headSent = true;
            perTryDeadline = System.nanoTime() + route.api().timeouts().perTry().toNanos();
            perTryRunning = true;
            armTimer(perTryDeadline);
        }

        void sendBodyPart(HttpContent content) {
            Channel up = lease.channel();
            bodySent = true;
            if (bodyGuard != null) {
                bodyGuard.progress();
            }
            up.writeAndFlush(content, up.voidPromise());
            if (!up.isWritable()) {
                client.channel().config().setAutoRead(false);
            }
        }

        boolean perTryDue(long now) {
            return perTryRunning && !over && !responseSeen && now - perTryDeadline >= 0;
        }

        void onPerTryTimeout() {
            failBeforeResponse(ErrorReason.Timeout, Problem.timeout(route.api().name(), backend.backendId(),
                    "Backend '" + backend.backendId() + "' sent no response head within the per-try timeout "
                            + route.api().timeouts().perTry() + "."));
        }

        @Override
        public void onResponsePart(HttpObject msg) {
            if (over) {
                ReferenceCountUtil.release(msg);
                return;
            }
            try {
                if (msg instanceof HttpResponse response) {
                    onResponseHead(response);
                }
                if (msg instanceof HttpContent content) {
                    onResponseContent(content);
                }
            } catch (RuntimeException e) {
                failInternally(e);
            }
        }

        /**
         * Parts of one read go to the client in one flush. A response still streaming after a read gets its stall
         * guard here, so a response that arrives whole in one read never schedules one.
         */
        @Override
        public void onUpstreamReadComplete() {
            if (over || !responseStarted) {
                return;
            }
            client.flush();
            watchBody();
        }

        private void onResponseHead(HttpResponse response) {
            if (response.decoderResult().isFailure()) {
                ReferenceCountUtil.release(response);
                failBeforeResponse(ErrorReason.InvalidResponse, Problem.badGateway(route.api().name(), backend.backendId(),
                        "sent a response that is not valid HTTP/1.1 (" + describe(response.decoderResult().cause()) + ")"));
                return;
            }
            if (response.status().codeClass() == HttpStatusClass.INFORMATIONAL) {
                informational = true;
                return;
            }
            responseSeen = true;
            perTryRunning = false;
            int status = response.status().code();
            recordOutcome(status, null, response.headers().get(HttpHeaderNames.RETRY_AFTER));
            upstreamKeepAlive = HttpUtil.isKeepAlive(response);
            Duration delay = retryDelay(status, null);
            if (delay != null) {
                discarding = true;
                retryAfterDiscard = delay;
                return;
            }
            forwardHead(response);
        }

        private void forwardHead(HttpResponse response) {
            HttpHeaders headers = response.headers();
            HeaderRewriter.rewriteResponse(headers);
            DefaultHttpResponse out = new DefaultHttpResponse(HttpVersion.HTTP_1_1, response.status(), headers);
            if (!headers.contains(HttpHeaderNames.CONTENT_LENGTH) && mayHaveBody(request.method(), response.status().code())) {
                if (http10Client) {
                    // HTTP/1.0 has no chunked coding: the body ends when the connection closes.
                    closeDelimited = true;
                } else {
                    HttpUtil.setTransferEncodingChunked(out, true);
                }
            }
            if (config.diagnostics()) {
                headers.set(BACKEND_HEADER, backend.backendId());
                headers.setInt(ATTEMPTS_HEADER, attempts.count());
            }
            if (!keepAliveAllowed()) {
                headers.set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
            }
            responseStarted = true;
            cancel(timer);
            timer = null;
            client.write(out, client.voidPromise());
        }

        private void onResponseContent(HttpContent content) {
            boolean last = content instanceof LastHttpContent;
            if (informational || discarding || !responseSeen) {
                content.release();
                if (last && informational) {
                    informational = false;
                } else if (last && discarding) {
                    over = true;
                    returnConnection();
                    scheduleRetry(retryAfterDiscard);
                }
                return;
            }
            stats.bytes(content.content().readableBytes());
            if (bodyGuard != null) {
                bodyGuard.progress();
            }
            if (!last) {
                client.write(content, client.voidPromise());
                if (!client.channel().isWritable()) {
                    lease.channel().config().setAutoRead(false);
                }
                return;
            }
            over = true;
            client.writeAndFlush(content, client.voidPromise());
            returnConnection();
            finish(keepAliveAllowed());
        }

        /** Pools the connection when the exchange on it ended cleanly, closes it otherwise. */
        private void returnConnection() {
            if (upstreamKeepAlive && requestComplete) {
                frontend.pool().release(lease);
            } else {
                lease.handler().detach();
                lease.channel().close();
            }
        }

        @Override
        public void onUpstreamClosed() {
            onUpstreamFailure(null);
        }

        @Override
        public void onUpstreamError(Throwable cause) {
            onUpstreamFailure(cause);
        }

        private void onUpstreamFailure(Throwable cause) {
            if (over) {
                return;
            }
            if (discarding) {
                // The response we are skipping anyway was cut short; only the connection is lost.
                over = true;
                closeConnection();
                scheduleRetry(retryAfterDiscard);
                return;
            }
            if (lease.reused() && !responseSeen && !bodySent) {
                // A pooled connection the backend had already closed: no request byte was processed, so this is
                // not the backend's failure and does not count as an attempt.
                LOG.debug("pooled connection to {} was closed; reconnecting", backend.backendId());
                over = true;
                endUncounted();
                closeConnection();
                connect(backend);
                return;
            }
            if (responseStarted) {
                recordOutcome(0, ErrorReason.ConnectionReset, null);
                over = true;
                closeConnection();
                LOG.info("{} {}: backend '{}' closed the connection mid-response; closing the client connection", request.method(), path,
                        backend.backendId());
                abortClient();
                return;
            }
            boolean invalid = cause instanceof DecoderException;
            failBeforeResponse(invalid ? ErrorReason.InvalidResponse : ErrorReason.ConnectionReset,
                    Problem.badGateway(route.api().name(), backend.backendId(), invalid
                            ? "sent a response that is not valid HTTP/1.1 (" + describe(cause) + ")"
                            : "closed the connection before a complete response head" + (cause == null ? "" : " (" + describe(cause) + ")")));
        }

        @Override
        public void onUpstreamWritabilityChanged(boolean writable) {
            if (streaming && !requestComplete && !done && headSent) {
                client.channel().config().setAutoRead(writable);
            }
        }

        /** Records the failure; then a retry, or the problem response when none follows. */
        private void failBeforeResponse(ErrorReason reason, Problem problem) {
            if (over) {
                return;
            }
            fail(reason);
            Duration delay = retryDelay(0, reason);
            if (delay != null) {
                scheduleRetry(delay);
            } else {
                respondProblem(problem);
            }
        }

        void fail(ErrorReason reason) {
            over = true;
            perTryRunning = false;
            closeConnection();
            recordOutcome(0, reason, null);
        }

        /** The client went away: drop the backend connection, which may still carry part of a response. */
        void abandon() {
            if (!responseSeen) {
                engine.abandon(backend);
            }
            endUncounted();
            over = true;
            perTryRunning = false;
            closeConnection();
        }

        private void closeConnection() {
            if (lease != null) {
                lease.handler().detach();
                lease.channel().close();
            }
        }
    }

    static boolean isTls(Throwable cause) {
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof SSLException) {
                return true;
            }
        }
        return false;
    }

    private static String describe(Throwable cause) {
        if (cause == null) {
            return "no detail";
        }
        String message = cause.getMessage();
        return message == null ? cause.getClass().getSimpleName() : message;
    }
}
