package dev.switchboard.config.binding;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/** Backend URLs must be absolute http or https URLs with a host: the gateway joins request paths onto them. */
final class HttpUrls {

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
}
