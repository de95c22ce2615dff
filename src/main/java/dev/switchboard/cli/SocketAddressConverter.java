package dev.switchboard.cli;

import java.net.InetSocketAddress;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Parses {@code host:port}, {@code [ipv6]:port} or {@code :port} (all interfaces) into an address. */
public final class SocketAddressConverter implements ITypeConverter<InetSocketAddress> {

    @Override
    public InetSocketAddress convert(String value) {
        int colon = value.lastIndexOf(':');
        if (colon < 0) {
            throw new TypeConversionException("expected host:port but was '" + value + "'");
        }
        String host = value.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        int port;
        try {
            port = Integer.parseInt(value.substring(colon + 1));
        } catch (NumberFormatException e) {
            throw new TypeConversionException("invalid port in '" + value + "'");
        }
        if (port < 0 || port > 65535) {
            throw new TypeConversionException("port out of range in '" + value + "'");
        }
        return host.isEmpty() ? new InetSocketAddress(port) : new InetSocketAddress(host, port);
    }

    /** The address as an {@code http://} URL, bracketing IPv6 literals. */
    public static String url(InetSocketAddress address) {
        String host = address.getHostString();
        return "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + address.getPort();
    }
}
