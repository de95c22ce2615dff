package dev.switchboard.gateway;

import dev.switchboard.config.ErrorReason;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What an exchange's deadlines do when they pass (the clocks themselves are {@link ExchangeTimers}): the total
 * timeout fails the attempt in flight and answers with a timeout problem, the per-try timeout is the attempt's to
 * handle, and a body that stopped moving closes the client connection, blamed on the backend unless the client
 * stopped reading.
 */
final class ExchangeExpiry implements ExchangeTimers.Expiry {

    private static final Logger LOG = LoggerFactory.getLogger(ExchangeExpiry.class);

    private final ProxyExchange exchange;
    private final ClientResponseWriter writer;

    ExchangeExpiry(ProxyExchange exchange, ClientResponseWriter writer) {
        this.exchange = exchange;
        this.writer = writer;
    }

    @Override
    public void onTotalTimeout() {
        exchange.guarded(() -> {
            ProxyAttempt attempt = exchange.attempt();
            String backend = null;
            if (attempt != null) {
                backend = attempt.backend().backendId();
                attempt.fail(ErrorReason.Timeout);
            }
            exchange.respondProblem(AttemptFailure.totalTimeout(exchange.route().api(), backend, exchange.attemptCount()));
        }).run();
    }

    @Override
    public void onPerTryTimeout() {
        exchange.guarded(() -> {
            ProxyAttempt attempt = exchange.attempt();
            if (attempt != null) {
                attempt.onPerTryTimeout();
            } else {
                exchange.bufferedBodyTimedOut();
            }
        }).run();
    }

    /**
     * No body byte moved for the per-try timeout after the response started. A stalled backend is a Timeout for its
     * breaker; a client that stopped reading (its connection is not writable) is nobody's backend failure.
     */
    @Override
    public void onBodyStall() {
        exchange.guarded(() -> {
            if (exchange.isDone()) {
                exchange.remainderStalled();
                return;
            }
            boolean clientStalled = !writer.clientWritable();
            LOG.info("{}: no body bytes moved within {} ({} stalled); closing the client connection", exchange,
                    exchange.route().api().timeouts().perTry(), clientStalled ? "client" : "backend");
            ProxyAttempt attempt = exchange.attempt();
            if (attempt != null) {
                attempt.onBodyStall(clientStalled);
            }
            exchange.abortClient();
        }).run();
    }
}
