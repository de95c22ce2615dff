package dev.switchboard.gateway;

import io.netty.handler.codec.http.HttpObject;

/** The attempt that currently owns a backend connection; the connection reports everything to it. */
interface UpstreamListener {

    /** A decoded response part; the listener owns {@code msg} and must release it. */
    void onResponsePart(HttpObject msg);

    /** The connection's current read is over: time to flush what it produced. Probes have nothing to flush. */
    default void onUpstreamReadComplete() {
    }

    /** The connection closed (reset, FIN or local close). */
    void onUpstreamClosed();

    /** The connection failed; it is being closed. */
    void onUpstreamError(Throwable cause);

    /** The connection's outbound buffer crossed a water mark. */
    void onUpstreamWritabilityChanged(boolean writable);
}
