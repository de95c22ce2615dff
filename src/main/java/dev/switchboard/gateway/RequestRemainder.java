package dev.switchboard.gateway;

import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.LastHttpContent;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The request body still arriving after its response ended: read and dropped so the connection can carry the next
 * request, as long as its parts keep coming (the body-stall guard); then the connection goes back to the frontend.
 */
final class RequestRemainder {

    private static final Logger LOG = LoggerFactory.getLogger(RequestRemainder.class);

    private final ProxyFrontendHandler frontend;
    private final ProxyExchange exchange;
    private final ExchangeTimers timers;
    private boolean keepAlive;

    RequestRemainder(ProxyFrontendHandler frontend, ProxyExchange exchange, ExchangeTimers timers) {
        this.frontend = frontend;
        this.exchange = exchange;
        this.timers = timers;
    }

    /** Starts reading the rest; {@code keepAlive} says whether the connection stays open once it is read. */
    void start(boolean keepAlive, Duration stallLimit) {
        this.keepAlive = keepAlive;
        timers.watchBody(stallLimit);
    }

    /** A part of the rest; {@code malformed} when its framing broke, so the connection cannot go on. */
    void onPart(HttpContent content, boolean malformed) {
        content.release();
        if (malformed) {
            end(false);
        } else if (content instanceof LastHttpContent) {
            end(keepAlive);
        } else {
            timers.bodyProgress();
        }
    }

    /** The client stopped sending the rest of its body: no backend is to blame. */
    void onStall() {
        LOG.debug("{}: the rest of the request body stalled; closing the client connection", exchange);
        frontend.exchangeDone(exchange, false);
    }

    private void end(boolean keepConnection) {
        timers.stopBodyWatch();
        frontend.exchangeDone(exchange, keepConnection);
    }
}
