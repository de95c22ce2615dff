package dev.switchboard.gateway;

import dev.switchboard.config.CredentialsConfig;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpVersion;

/**
 * The client's request head as each attempt's backend gets it. The head is rewritten in place on the first attempt
 * (nothing reads the client's headers after routing); later attempts only change the target and Host.
 */
final class UpstreamRequestHead {

    private final HttpRequest request;
    /** The client's Host header (null without one), before the rewrite replaces it. */
    private final String clientHost;
    private final String clientIp;
    private final String scheme;
    private final boolean preserveHost;
    private boolean rewritten;
    /** The credentials the head carries from the last attempt, removed before the next backend's are set. */
    private CredentialsConfig sentCredentials;

    UpstreamRequestHead(HttpRequest request, String clientHost, String clientIp, String scheme, boolean preserveHost) {
        this.request = request;
        this.clientHost = clientHost;
        this.clientIp = clientIp;
        this.scheme = scheme;
        this.preserveHost = preserveHost;
    }

    /** The head for the backend at {@code authority}, asking for {@code uri}, with that backend's credentials (null for none). */
    HttpRequest forBackend(String uri, String authority, CredentialsConfig credentials) {
        HttpHeaders headers = request.headers();
        if (rewritten) {
            HeaderRewriter.setHost(headers, clientHost, authority, preserveHost);
        } else {
            rewritten = true;
            HeaderRewriter.rewriteRequest(headers, clientIp, scheme, authority, preserveHost);
            MaxForwards.decrement(request);
        }
        sentCredentials = BackendCredentials.applyHeaders(headers, sentCredentials, credentials);
        request.setProtocolVersion(HttpVersion.HTTP_1_1);
        request.setUri(uri);
        return request;
    }
}
