package dev.switchboard.config;

import java.net.InetSocketAddress;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A listen address as operators write it: {@code host:port}, {@code [ipv6]:port}, or {@code :port} for every
 * interface. The one parser behind config validation, the gateway and admin listeners and the command line.
 */
public record HostPort(String host, int port) {

    private static final Pattern FORM = Pattern.compile("(\\[[0-9A-Fa-f:.]+]|[^:\\s\\[\\]]*):(\\d{1,5})");

    /** @throws IllegalArgumentException naming the text when it is not host:port with a port from 0 to 65535 */
    public static HostPort parse(String text) {
        Matcher m = FORM.matcher(text);
        int port = m.matches() ? Integer.parseInt(m.group(2)) : -1;
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("\"" + text + "\" is not host:port with a port from 0 to 65535");
        }
        String host = m.group(1);
        return new HostPort(host.startsWith("[") ? host.substring(1, host.length() - 1) : host, port);
    }

    /** The address to bind; an empty host means every interface. Resolves a host name. */
    public InetSocketAddress socketAddress() {
        return host.isEmpty() ? new InetSocketAddress(port) : new InetSocketAddress(host, port);
    }
}
