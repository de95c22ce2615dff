package dev.switchboard.gateway;

import dev.switchboard.config.ApiConfig;
import dev.switchboard.config.ErrorReason;
import dev.switchboard.engine.PinnedState;
import dev.switchboard.config.TimeoutsConfig;
import dev.switchboard.engine.BackendHandle;
import dev.switchboard.engine.Engine;
import dev.switchboard.engine.NoneAvailable;
import dev.switchboard.engine.Pick;
import dev.switchboard.engine.routing.RouteMatch;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.util.concurrent.Future;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One client request from its head to the end of its response, across every {@link ProxyAttempt} on a backend:
 * routes it, picks backends, decides on retries and ends the exchange. The body comes in through
 * {@link RequestReceiver} and travels as {@link RequestBody} decides, the clocks are {@link ExchangeTimers} (what
 * their expiry does is {@link ExchangeExpiry}), the response goes out through {@link ClientResponseWriter}.
 * Once a response byte went to the client the request is never retried. Everything runs on the client's event loop.
 */
final class ProxyExchange {

    private static final Logger LOG = LoggerFactory.getLogger(ProxyExchange.class);

    /**
     * RECEIVING: the body arrives before the first attempt; ATTEMPTING: an attempt is in flight and no response
     * byte left; BACKING_OFF: waiting before the next attempt; RESPONDING: the response streams to the client;
     * DONE: the response is complete (the rest of the request body may still be read and dropped).
     */
    enum Phase { RECEIVING, ATTEMPTING, BACKING_OFF, RESPONDING, DONE }

    private final ProxyFrontendHandler frontend;
    private final ChannelHandlerContext client;
    private final GatewayRuntime runtime;
    private final Engine engine;
    private PinnedState pinned;
    private final HttpRequest request;
    private final String path;
    private final String rawQuery;
    private final ExchangeTimers timers;
    private final ClientResponseWriter writer;
    private final RequestReceiver receiver;
    private Phase phase = Phase.RECEIVING;
    private RouteMatch route;
    private AttemptPlanner planner;
    private ExchangeParts parts;
    private ProxyAttempt attempt;
    /** The access log and decision trace; until the request is pinned, nobody watches. */
    private ExchangeObserver observer;

    ProxyExchange(ProxyFrontendHandler frontend, ChannelHandlerContext client, GatewayRuntime runtime, HttpRequest request) {
        this.frontend = frontend;
        this.client = client;
        this.runtime = runtime;
        this.engine = runtime.engine();
        this.request = request;
        String uri = request.uri();
        int q = uri.indexOf('?');
        this.path = q < 0 ? uri : uri.substring(0, q);
        this.rawQuery = q < 0 ? null : uri.substring(q + 1);
        this.writer = new ClientResponseWriter(client, request, runtime);
        this.timers = new ExchangeTimers(client.executor(), frontend.deadlineAlarm(), new ExchangeExpiry(this, writer));
        this.receiver = new RequestReceiver(this, frontend, client.channel(), writer, timers);
    }

    /** The whole request was read (or never will be), so the connection may read the next one. */
    boolean requestComplete() {
        return receiver.complete();
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
            receiver.onPart(content, attempt);
        } catch (RuntimeException e) {
            failInternally(e);
        }
    }

    private void begin() {
        // Decided before the request counts as in flight: one counted before the drain began is served, not refused.
        boolean refused = runtime.draining();
        runtime.inFlight().begin();
        pinned = engine.pin();
        writer.diagnostics(pinned.config().diagnostics());
        observer = ExchangeObserver.start(request, path, frontend.clientIp(), pinned, runtime.accessLog(), timers.now());
        if (refused) {
            respondProblem(Problem.shuttingDown());
            return;
        }
        if (MaxForwards.endsHere(request)) {
            finish(writer.writeAnswer(MaxForwards.answer(request, client.alloc()), 0));
            return;
        }
        String clientHost = request.headers().get(HttpHeaderNames.HOST);
        route = pinned.route(new HttpRequestView(request, path, rawQuery, frontend.clientIp()));
        if (route == null) {
            respondProblem(Problem.noApiMatched(clientHost, path));
            return;
        }
        RequestActions.Result acted = RequestActions.apply(route, request.headers(), path, rawQuery);
        if (acted.response() != null) {
            finish(writer.writeAnswer(RequestActions.render(acted.response(), client.alloc()), 0));
            return;
        }
        route = acted.route();
        ApiConfig api = route.api();
        observer.routed(route);
        timers.startTotal(api.timeouts().total(), api.timeouts().perTry());
        planner = new AttemptPlanner(engine, pinned, route, request, observer.record(), timers);
        UpstreamRequestHead head = new UpstreamRequestHead(request, clientHost, frontend.clientIp(), runtime.scheme(), api.preserveHost());
        RequestBody body = RequestBody.of(request, api.retry() != null, api.maxBufferedBody(), client.alloc());
        receiver.travelsAs(body);
        parts = new ExchangeParts(route, acted.rawQuery(), body, head, timers, writer, frontend.pool(), pinned.config());
        if (body.mode() == RequestBody.Mode.STREAMED) {
            startAttempt();
        } else if (body.mode() == RequestBody.Mode.BUFFERED) {
            // No attempt runs while a body is buffered for retries: the per-try timeout bounds its arrival instead,
            // as it bounds a streamed body's (the first attempt restarts it).
            timers.startPerTry(api.timeouts().perTry());
        }
    }

    /** The body buffered for retries did not arrive within the per-try timeout: the client's doing, a 408 and close. */
    void bufferedBodyTimedOut() {
        if (attempt != null || phase == Phase.DONE) {
            return;
        }
        // The rest of the body is not read, so the connection cannot carry another request.
        writer.markMalformed();
        receiver.body().markComplete();
        respondProblem(Problem.bodyTimedOut(route.api().name(), route.api().timeouts().perTry()));
    }

    /** The request body's framing broke before the response ended: nothing after it can be trusted. */
    void bodyFramingBroke(String why) {
        if (attempt != null) {
            attempt.abandon();
        }
        respondProblem(Problem.malformedRequest("bad body framing (" + why + ")"));
    }

    void onClientWritabilityChanged(boolean writable) {
        if (attempt != null && phase == Phase.RESPONDING) {
            attempt.onClientWritabilityChanged(writable);
        }
    }

    void onClientClosed() {
        if (phase == Phase.DONE) {
            timers.stopBodyWatch();
            return;
        }
        if (attempt != null) {
            attempt.abandon();
        }
        abortClient();
    }

    void startAttempt() {
        if (phase == Phase.DONE) {
            return;
        }
        // A buffered body's arrival bound ends here; the attempt starts its own once its request is sent.
        timers.stopPerTry();
        Pick pick = planner.next();
        if (pick instanceof NoneAvailable none) {
            respondProblem(Problem.unavailable(none.status(), route.api().name(), route.targetId(), none.retryAfterSeconds()));
            return;
        }
        BackendHandle handle = (BackendHandle) pick;
        if (!handle.targetId().equals(handle.backendId())) {
            runtime.stats().picked(handle.targetId(), handle.backendId());
        }
        if (planner.count() > 1) {
            // Only a new pick is a retry; replacing a stale pooled connection for one attempt calls connect() alone.
            runtime.stats().backend(handle.backendId()).retried();
        }
        connect(handle);
    }

    /** Starts an attempt on {@code backend}: on an idle pooled connection, or a new one. */
    void connect(BackendHandle backend) {
        phase = Phase.ATTEMPTING;
        ProxyAttempt next = new ProxyAttempt(this, parts, backend,
                new OutcomeRecorder(engine, backend, runtime.stats().backend(backend.backendId()).forApi(route.api().name()),
                        client.executor().ticker(), planner.recordedAttempt()));
        attempt = next;
        UpstreamKey key = planner.upstreamKey(backend);
        UpstreamPool.Lease idle = parts.pool().pollIdle(key);
        if (idle != null) {
            next.onLeased(idle);
        } else {
            parts.pool().connect(key, route.api().timeouts().connect())
                    .addListener((Future<UpstreamPool.Lease> f) -> guarded(() -> next.onAcquired(f)).run());
        }
    }

    /** Decides what follows a failed or retryable attempt: another attempt after the engine's delay, or null. */
    Duration retryDelay(int status, ErrorReason reason) {
        return planner.retryDelay(status, reason, receiver.body().replayable());
    }

    void scheduleRetry(Duration delay) {
        attempt = null;
        phase = Phase.BACKING_OFF;
        timers.scheduleRetry(delay, guarded(this::startAttempt));
    }

    /** The attempt's backend answered for good: its head goes to the client and the deadlines stop. */
    void forwardHead(HttpResponse response, String backendId) {
        phase = Phase.RESPONDING;
        timers.stopDeadlines();
        observer.beforeResponseHead(writer);
        writer.writeHead(response, backendId, planner.count());
    }

    ProxyAttempt attempt() {
        return attempt;
    }

    RouteMatch route() {
        return route;
    }

    int attemptCount() {
        return planner.count();
    }

    void remainderStalled() {
        receiver.remainderStalled();
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
        LOG.error("{}: internal error", this, e);
        if (attempt != null) {
            attempt.abandon();
        }
        respondProblem(Problem.internalError());
    }

    void respondProblem(Problem problem) {
        if (phase == Phase.DONE) {
            return;
        }
        if (writer.started()) {
            abortClient();
            return;
        }
        if (problem.status() >= 500) {
            LOG.info("{} -> {} {}: {}", this, problem.status(), problem.title(), problem.detail());
        } else {
            LOG.debug("{} -> {} {}", this, problem.status(), problem.title());
        }
        if (observer != null) {
            observer.beforeResponseHead(writer);
        }
        finish(writer.writeProblem(problem, path, planner == null ? 0 : planner.count()));
    }

    /** Response bytes already left: the only honest signal left is closing the client connection. */
    void abortClient() {
        // What of the response was written (a held head, say) leaves before the connection closes, as it always did.
        writer.flush();
        if (observer != null) {
            observer.aborted();
        }
        receiver.body().markComplete();
        finish(false);
    }

    void finish(boolean keepAlive) {
        if (phase == Phase.DONE) {
            return;
        }
        phase = Phase.DONE;
        timers.stopAllButBodyWatch();
        if (observer != null) {
            observer.ended(writer, timers.now());
        }
        runtime.inFlight().end();
        receiver.responseEnded(keepAlive, stallLimit());
    }

    /** Starts the body-stall guard unless it runs already. */
    void watchBody() {
        timers.watchBody(stallLimit());
    }

    private Duration stallLimit() {
        return route == null ? TimeoutsConfig.DEFAULTS.perTry() : route.api().timeouts().perTry();
    }

    void clientAutoRead(boolean on) {
        receiver.autoRead(on);
    }

    boolean isCurrent(ProxyAttempt candidate) {
        return phase != Phase.DONE && attempt == candidate;
    }

    boolean isDone() {
        return phase == Phase.DONE;
    }

    @Override
    public String toString() {
        return request.method() + " " + path;
    }
}
