package dev.switchboard.gateway;

import dev.switchboard.config.TlsConfig;
import io.netty.util.NetUtil;
import java.net.InetAddress;
import java.net.InetSocketAddress;

/**
 * What makes two backend connections interchangeable: the same host, port, scheme and certificate checks.
 *
 * @param tls certificate checks for https; null for plain http
 */
record UpstreamKey(String host, int port, TlsConfig tls) {

    boolean secure() {
        return tls != null;
    }

    /** The address to connect to: resolved for an IP literal, otherwise a name for the pool's resolver. */
    InetSocketAddress address() {
        InetAddress literal = NetUtil.createInetAddressFromIpAddressString(host);
        return literal != null ? new InetSocketAddress(literal, port) : InetSocketAddress.createUnresolved(host, port);
    }

    /** The Host header value that addresses this backend. */
    String hostHeader() {
        boolean defaultPort = secure() ? port == 443 : port == 80;
        String h = host.indexOf(':') >= 0 && !host.startsWith("[") ? "[" + host + "]" : host;
        return defaultPort ? h : h + ":" + port;
    }
}
