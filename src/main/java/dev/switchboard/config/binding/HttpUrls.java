package dev.switchboard.config.binding;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * Backend and webhook URLs must be absolute http or https URLs with a host, and a port (when given) a TCP port the
 * HTTP client can connect to: the gateway joins request paths onto them, and a bad one would only fail at send time.
 */
final class HttpUrls {

    static final int MAX_PORT = 65535;

    private HttpUrls() {
    }

    static boolean isValid(String text) {
        try {
            URI uri = new URI(text);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    /**
     * For a URL that {@link #isValid is valid}: what is wrong with its explicit port, or null when it has none or one in
     * 1-65535. ({@code URI} accepts any digits, and {@code http://h:0/} or {@code http://h:99999/} are only refused by
     * the HTTP client when it sends.)
     */
    static String portProblem(String text) {
        int port;
        try {
            port = new URI(text).getPort();
        } catch (URISyntaxException e) {
            return null;
        }
        if (port == -1 || (port >= 1 && port <= MAX_PORT)) {
            return null;
        }
        return "port " + port + " in \"" + text + "\" is out of range; it must be between 1 and " + MAX_PORT;
    }
}
