package dev.switchboard.gateway;

import dev.switchboard.config.TlsConfig;

/**
 * What makes two backend connections interchangeable: the same host, port, scheme and certificate checks.
 *
 * @param tls certificate checks for https; null for plain http
 */
record UpstreamKey(String host, int port, TlsConfig tls) {

    boolean secure() {
        return tls != null;
    }

    /** The Host header value that addresses this backend. */
    String hostHeader() {
        boolean defaultPort = secure() ? port == 443 : port == 80;
        String h = host.indexOf(':') >= 0 && !host.startsWith("[") ? "[" + host + "]" : host;
        return defaultPort ? h : h + ":" + port;
    }
}
