package dev.switchboard.gateway;

import dev.switchboard.config.TlsConfig;
import io.netty.util.NetUtil;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Objects;

/**
 * What makes two backend connections interchangeable: the same host, port, scheme and certificate checks. A class
 * rather than a record so the pool lookup every request makes hashes once, at construction.
 */
final class UpstreamKey {

    private final String host;
    private final int port;
    private final TlsConfig tls;
    private final int hash;

    /** @param tls certificate checks for https; null for plain http */
    UpstreamKey(String host, int port, TlsConfig tls) {
        this.host = host;
        this.port = port;
        this.tls = tls;
        this.hash = 31 * (31 * host.hashCode() + port) + Objects.hashCode(tls);
    }

    String host() {
        return host;
    }

    int port() {
        return port;
    }

    TlsConfig tls() {
        return tls;
    }

    boolean secure() {
        return tls != null;
    }

    /** The address to connect to: resolved for an IP literal, otherwise a name for the pool's resolver. */
    InetSocketAddress address() {
        InetAddress literal = NetUtil.createInetAddressFromIpAddressString(host);
        return literal != null ? new InetSocketAddress(literal, port) : InetSocketAddress.createUnresolved(host, port);
    }

    @Override
    public boolean equals(Object o) {
        return o == this || o instanceof UpstreamKey k && hash == k.hash && port == k.port && host.equals(k.host) && Objects.equals(tls, k.tls);
    }

    @Override
    public int hashCode() {
        return hash;
    }

    @Override
    public String toString() {
        return (secure() ? "https://" : "http://") + host + ":" + port;
    }
}
