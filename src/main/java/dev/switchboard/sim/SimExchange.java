package dev.switchboard.sim;

import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.QueryStringDecoder;

/** What a connection's handler keeps of a request while its body streams in. */
record SimExchange(HttpVersion version, HttpMethod method, String uri, QueryStringDecoder query,
        String host, HttpHeaders seen, boolean keepAlive, boolean control) {
}
