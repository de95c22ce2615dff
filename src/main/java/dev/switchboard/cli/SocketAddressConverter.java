package dev.switchboard.cli;

import dev.switchboard.config.HostPort;
import java.net.InetSocketAddress;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Parses {@code host:port}, {@code [ipv6]:port} or {@code :port} (all interfaces) into an address. */
public final class SocketAddressConverter implements ITypeConverter<InetSocketAddress> {

    @Override
    public InetSocketAddress convert(String value) {
        try {
            return HostPort.parse(value).socketAddress();
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException(e.getMessage());
        }
    }

    /** The address as an {@code http://} URL, bracketing IPv6 literals. */
    public static String url(InetSocketAddress address) {
        String host = address.getHostString();
        return "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + address.getPort();
    }
}
