package dev.switchboard.gateway;

import io.netty.channel.Channel;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.LastHttpContent;
import java.time.Duration;

/**
 * The request body's way in from the client: takes each part the frontend reads and hands it to the
 * {@link RequestBody} (and through it to a streaming attempt), pauses and resumes reading from the client, and once
 * the response ended passes what still arrives to the {@link RequestRemainder}. It decides nothing about attempts;
 * it tells the exchange when the body lets one start, or that the body's framing broke.
 */
final class RequestReceiver {

    private final ProxyExchange exchange;
    private final ProxyFrontendHandler frontend;
    private final Channel client;
    private final ClientResponseWriter writer;
    private final ExchangeTimers timers;
    private final RequestRemainder remainder;
    /** Drained until routing says how the body travels: a problem answer then reads the rest and drops it. */
    private RequestBody body = RequestBody.none();

    RequestReceiver(ProxyExchange exchange, ProxyFrontendHandler frontend, Channel client, ClientResponseWriter writer, ExchangeTimers timers) {
        this.exchange = exchange;
        this.frontend = frontend;
        this.client = client;
        this.writer = writer;
        this.timers = timers;
        this.remainder = new RequestRemainder(frontend, exchange, timers);
    }

    RequestBody body() {
        return body;
    }

    /** Routing decided how the body travels. */
    void travelsAs(RequestBody routed) {
        body = routed;
    }

    /** The whole request was read (or never will be), so the connection may read the next one. */
    boolean complete() {
        return body.complete();
    }

    /** A part of the request body, while {@code attempt} (or none) is in flight; this receiver owns it from here. */
    void onPart(HttpContent content, ProxyAttempt attempt) {
        boolean malformed = content.decoderResult().isFailure();
        if (malformed || content instanceof LastHttpContent) {
            body.markComplete();
        }
        if (malformed) {
            // The decoder drops the rest of the connection's bytes: this connection cannot carry another request.
            writer.markMalformed();
        }
        if (exchange.isDone()) {
            remainder.onPart(content, malformed);
            return;
        }
        if (malformed) {
            String why = AttemptFailure.describe(content.decoderResult().cause());
            content.release();
            exchange.bodyFramingBroke(why);
            return;
        }
        switch (body.accept(content, attempt)) {
            case START -> exchange.startAttempt();
            case START_STREAMING -> {
                autoRead(false);
                exchange.startAttempt();
            }
            case PAUSE -> autoRead(false);
            case WAIT -> {
            }
        }
    }

    /**
     * The response ended: the connection goes back to the frontend once the request is read, what remains of it
     * being read and dropped while its parts keep coming within {@code stallLimit}.
     */
    void responseEnded(boolean keepAlive, Duration stallLimit) {
        body.release();
        if (body.complete()) {
            timers.stopBodyWatch();
            frontend.exchangeDone(exchange, keepAlive);
        } else {
            remainder.start(keepAlive, stallLimit);
            autoRead(true);
        }
    }

    /** The rest of the body stopped arriving after the response ended. */
    void remainderStalled() {
        remainder.onStall();
    }

    void autoRead(boolean on) {
        client.config().setAutoRead(on);
    }
}
