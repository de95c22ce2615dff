package dev.switchboard.gateway;

import dev.switchboard.config.ApiConfig;
import dev.switchboard.config.BackendConfig;
import dev.switchboard.config.CredentialsConfig;
import dev.switchboard.config.ErrorReason;
import dev.switchboard.engine.BackendHandle;
import io.netty.channel.Channel;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpStatusClass;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.Future;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One try of an exchange on one backend connection: sends the request, receives the response and either forwards
 * it, discards it for a retry, or turns a failure into an {@link AttemptFailure}. The connection reports to it
 * while it owns the connection; everything runs on the client's event loop.
 */
final class ProxyAttempt implements UpstreamListener {

    private static final Logger LOG = LoggerFactory.getLogger(ProxyAttempt.class);

    enum Phase {
        /** Waiting for a backend connection. */
        CONNECTING,
        /** The request head went out; the response head is due within the per-try timeout. */
        AWAITING_HEAD,
        /** A 1xx response arrived; the final head is still due. */
        INFORMATIONAL,
        /** A retryable response is read to its end and dropped, so the connection can be pooled. */
        DISCARDING,
        /** The response streams to the client. */
        STREAMING,
        /** Ended; the connection went back to the pool or was closed. */
        OVER
    }

    private final ProxyExchange exchange;
    private final ExchangeParts parts;
    private final ApiConfig api;
    private final BackendHandle backend;
    private final OutcomeRecorder recorder;
    private Phase phase = Phase.CONNECTING;
    private UpstreamPool.Lease lease;
    private boolean upstreamKeepAlive;
    private Duration retryAfterDiscard;

    ProxyAttempt(ProxyExchange exchange, ExchangeParts parts, BackendHandle backend, OutcomeRecorder recorder) {
        this.exchange = exchange;
        this.parts = parts;
        this.api = parts.route().api();
        this.backend = backend;
        this.recorder = recorder;
    }

    BackendHandle backend() {
        return backend;
    }

    /** The request head went to the backend, so streamed body parts can follow it directly. */
    boolean headSent() {
        return phase != Phase.CONNECTING && phase != Phase.OVER;
    }

    /** Only a streaming response's connection is paced by the client's writability. */
    void onClientWritabilityChanged(boolean writable) {
        if (phase == Phase.STREAMING) {
            lease.channel().config().setAutoRead(writable);
        }
    }

    void onAcquired(Future<UpstreamPool.Lease> f) {
        if (phase == Phase.OVER || !exchange.isCurrent(this)) {
            if (f.isSuccess()) {
                f.getNow().channel().close();
            }
            return;
        }
        if (!f.isSuccess()) {
            failBeforeResponse(AttemptFailure.connect(api, backend.backendId(), f.cause()));
            return;
        }
        onLeased(f.getNow());
    }

    void onLeased(UpstreamPool.Lease leased) {
        lease = leased;
        lease.handler().attach(this);
        Channel up = lease.channel();
        BackendConfig config = parts.config().backend(backend.backendId());
        CredentialsConfig credentials = config == null ? null : config.credentials();
        String target = BackendCredentials.withQuery(backend.url().requestTarget(parts.route().remainingPath(), parts.rawQuery()), credentials);
        parts.body().writeWithHead(up, parts.head().forBackend(target, backend.authority(), credentials));
        if (parts.body().mode() == RequestBody.Mode.STREAMED && !parts.body().complete()) {
            exchange.clientAutoRead(up.isWritable());
        }
        phase = Phase.AWAITING_HEAD;
        parts.timers().startPerTry(api.timeouts().perTry());
    }

    void sendBodyPart(HttpContent content) {
        Channel up = lease.channel();
        parts.timers().bodyProgress();
        parts.body().send(up, content);
        if (!up.isWritable()) {
            exchange.clientAutoRead(false);
        }
    }

    void onPerTryTimeout() {
        failBeforeResponse(AttemptFailure.perTryTimeout(api, backend.backendId()));
    }

    @Override
    public void onResponsePart(HttpObject msg) {
        if (phase == Phase.OVER) {
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
            exchange.failInternally(e);
        }
    }

    /**
     * Parts of one read go to the client in one flush. A response still streaming after a read gets its stall
     * guard here, so a response that arrives whole in one read never schedules one.
     */
    @Override
    public void onUpstreamReadComplete() {
        if (phase == Phase.STREAMING) {
            parts.writer().flush();
            exchange.watchBody();
        }
    }

    private void onResponseHead(HttpResponse response) {
        AttemptFailure invalid = AttemptFailure.invalidHead(api, backend.backendId(), response);
        if (invalid != null) {
            ReferenceCountUtil.release(response);
            failBeforeResponse(invalid);
            return;
        }
        if (response.status().codeClass() == HttpStatusClass.INFORMATIONAL) {
            phase = Phase.INFORMATIONAL;
            return;
        }
        parts.timers().stopPerTry();
        int status = response.status().code();
        recorder.outcome(status, null, RawResponseHead.retryAfter(response));
        upstreamKeepAlive = RawResponseHead.keepAlive(response);
        Duration delay = exchange.retryDelay(status, null);
        if (delay != null) {
            phase = Phase.DISCARDING;
            retryAfterDiscard = delay;
            return;
        }
        phase = Phase.STREAMING;
        exchange.forwardHead(response, backend.backendId());
    }

    private void onResponseContent(HttpContent content) {
        if (content.decoderResult().isFailure()) {
            content.release();
            onBrokenFraming(content.decoderResult().cause());
            return;
        }
        boolean last = content instanceof LastHttpContent;
        if (phase != Phase.STREAMING) {
            content.release();
            if (last && phase == Phase.INFORMATIONAL) {
                phase = Phase.AWAITING_HEAD;
            } else if (last && phase == Phase.DISCARDING) {
                phase = Phase.OVER;
                returnConnection();
                exchange.scheduleRetry(retryAfterDiscard);
            }
            return;
        }
        recorder.bodyBytes(content.content().readableBytes());
        parts.timers().bodyProgress();
        if (!last) {
            parts.writer().writeBody(content, false);
            if (!parts.writer().clientWritable()) {
                lease.channel().config().setAutoRead(false);
            }
            return;
        }
        phase = Phase.OVER;
        parts.writer().writeBody(content, true);
        returnConnection();
        exchange.finish(parts.writer().keepAliveAllowed());
    }

    /**
     * Netty refused the body's framing (a bad chunk size, say): the response ends there and nothing after it on the
     * connection can be read as the next response, so it fails like a backend breaking off, and the connection closes.
     */
    private void onBrokenFraming(Throwable cause) {
        switch (phase) {
            case STREAMING -> failMidResponse(ErrorReason.InvalidResponse, "sent a body with broken framing");
            case DISCARDING -> dropDiscarded();
            default -> failBeforeResponse(AttemptFailure.invalidResponse(api, backend.backendId(), cause));
        }
    }

    /** Pools the connection when the exchange on it ended cleanly, closes it otherwise. */
    private void returnConnection() {
        if (upstreamKeepAlive && parts.body().complete()) {
            parts.pool().release(lease);
        } else {
            closeConnection();
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
        switch (phase) {
            case OVER -> {
            }
            case DISCARDING -> dropDiscarded();
            case STREAMING -> failMidResponse(ErrorReason.ConnectionReset, "closed the connection");
            default -> {
                if (lease.reused() && !parts.body().partSent()) {
                    // A pooled connection the backend had already closed: no request byte was processed, so this is
                    // not the backend's failure and does not count as an attempt.
                    LOG.debug("pooled connection to {} was closed; reconnecting", backend.backendId());
                    recorder.endUncounted();
                    end();
                    exchange.connect(backend);
                } else {
                    failBeforeResponse(AttemptFailure.lostConnection(api, backend.backendId(), cause));
                }
            }
        }
    }

    /** The response we are skipping anyway was cut short; only the connection is lost. */
    private void dropDiscarded() {
        end();
        exchange.scheduleRetry(retryAfterDiscard);
    }

    /** Response bytes already went to the client: closing its connection is the only honest signal left. */
    private void failMidResponse(ErrorReason reason, String what) {
        recorder.outcome(0, reason, null);
        end();
        LOG.info("{}: backend '{}' {} mid-response; closing the client connection", exchange, backend.backendId(), what);
        exchange.abortClient();
    }

    @Override
    public void onUpstreamWritabilityChanged(boolean writable) {
        if (parts.body().mode() == RequestBody.Mode.STREAMED && !parts.body().complete() && !exchange.isDone() && headSent()) {
            exchange.clientAutoRead(writable);
        }
    }

    /** Records the failure; then a retry, or the problem response when none follows. */
    private void failBeforeResponse(AttemptFailure failure) {
        if (phase == Phase.OVER) {
            return;
        }
        fail(failure.reason());
        Duration delay = exchange.retryDelay(0, failure.reason());
        if (delay != null) {
            exchange.scheduleRetry(delay);
        } else {
            exchange.respondProblem(failure.problem());
        }
    }

    /** Ends the attempt as the backend's failure. */
    void fail(ErrorReason reason) {
        end();
        recorder.outcome(0, reason, null);
    }

    /** No body byte moved after the response started: a stalled backend is a Timeout for its breaker; a stalled client is not. */
    void onBodyStall(boolean clientStalled) {
        if (clientStalled) {
            abandon();
        } else {
            fail(ErrorReason.Timeout);
        }
    }

    /** The client went away: drop the backend connection, which may still carry part of a response. */
    void abandon() {
        recorder.abandon();
        end();
    }

    private void end() {
        phase = Phase.OVER;
        parts.timers().stopPerTry();
        closeConnection();
    }

    private void closeConnection() {
        if (lease != null) {
            lease.handler().detach();
            lease.channel().close();
        }
    }
}
