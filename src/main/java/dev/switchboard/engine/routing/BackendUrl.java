package dev.switchboard.engine.routing;

import java.net.URI;
import java.util.Locale;

/**
 * A single backend's URL, parsed once when the engine state is built.
 *
 * @param scheme   "http" or "https"
 * @param host     host name or address
 * @param port     explicit port, or 80/443 by scheme
 * @param basePath path of the URL without a trailing '/' ("" for none)
 */
public record BackendUrl(String scheme, String host, int port, String basePath) {

    public static BackendUrl parse(String url) {
        URI uri = URI.create(url);
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
            throw new IllegalArgumentException("not an http(s) URL with a host: " + url);
        }
        int port = uri.getPort() != -1 ? uri.getPort() : scheme.equals("https") ? 443 : 80;
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        return new BackendUrl(scheme, uri.getHost(), port, stripTrailingSlashes(path));
    }

    public boolean tls() {
        return scheme.equals("https");
    }

    /** Host header value: the port only when it is not the scheme's default. */
    public String authority() {
        return port == (tls() ? 443 : 80) ? host : host + ":" + port;
    }

    /**
     * The request target on this backend, as APIM joins them: base path + remaining path (+ "?" + query).
     * "http://h/api/v1" with "/orders/7" and "x=1" gives "/api/v1/orders/7?x=1"; never a double slash, never empty.
     *
     * @param remainingPath path after the API prefix, "" or starting with '/' (a missing '/' is added)
     * @param rawQuery      raw query string without '?', or null/empty for none
     */
    public String requestTarget(String remainingPath, String rawQuery) {
        boolean noQuery = rawQuery == null || rawQuery.isEmpty();
        if (basePath.isEmpty() && noQuery && !remainingPath.isEmpty() && remainingPath.charAt(0) == '/') {
            // The usual proxied request: the client's own path, unchanged (no copy per request).
            return remainingPath;
        }
        StringBuilder sb = new StringBuilder(basePath.length() + remainingPath.length() + 16).append(basePath);
        if (!remainingPath.isEmpty()) {
            if (remainingPath.charAt(0) != '/') {
                sb.append('/');
            }
            sb.append(remainingPath);
        }
        if (sb.isEmpty()) {
            sb.append('/');
        }
        if (!noQuery) {
            sb.append('?').append(rawQuery);
        }
        return sb.toString();
    }

    /** Same as {@link #requestTarget(String, String)} for a remaining path that may carry "?query". */
    public String requestTarget(String remainingPathAndQuery) {
        int q = remainingPathAndQuery.indexOf('?');
        return q < 0 ? requestTarget(remainingPathAndQuery, null)
                : requestTarget(remainingPathAndQuery.substring(0, q), remainingPathAndQuery.substring(q + 1));
    }

    private static String stripTrailingSlashes(String path) {
        int end = path.length();
        while (end > 0 && path.charAt(end - 1) == '/') {
            end--;
        }
        return path.substring(0, end);
    }
}
