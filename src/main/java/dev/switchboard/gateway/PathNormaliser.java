package dev.switchboard.gateway;

import java.util.ArrayList;
import java.util.List;

/**
 * Removes dot-segments from a request path (RFC 3986 section 5.2.4) before routing, so the gateway routes and
 * forwards the path a backend will resolve, not the one the client spelled. Tricks that hide a dot-segment from a
 * textual check count as one: {@code %2e} is a dot, {@code %2f} a slash, {@code %5c} (a backslash, which some
 * servers decode and then take for a separator) a slash too, and a segment whose part before its first
 * {@code ;} is {@code .} or {@code ..} ({@code ..;/}, which Servlet containers resolve) is a dot-segment.
 *
 * <p>A path without dot-segments is returned unchanged, so encoded slashes inside ordinary segments survive. A path
 * with them comes back decoded ({@code %2e}, {@code %2f}, {@code %5c} as '/') and resolved, with '/' between its segments.
 */
final class PathNormaliser {

    private PathNormaliser() {
    }

    /**
     * The path with its dot-segments resolved ({@code rawPath} itself when it has none), or null when a
     * {@code ..} climbs above the root, which no well-behaved client sends.
     */
    static String normalise(String rawPath) {
        if (!mayHaveDotSegments(rawPath)) {
            return rawPath;
        }
        List<String> segments = segments(rawPath);
        if (segments.stream().noneMatch(PathNormaliser::isDotSegment)) {
            return rawPath;
        }
        List<String> output = new ArrayList<>(segments.size());
        for (String segment : segments) {
            if (isDotSegment(segment) && dotName(segment).equals("..")) {
                if (output.isEmpty()) {
                    return null;
                }
                output.removeLast();
            } else if (!isDotSegment(segment)) {
                output.add(segment);
            }
        }
        if (isDotSegment(segments.getLast())) {
            // "/a/b/.." is the directory "/a/", as in RFC 3986's examples.
            output.add("");
        }
        return "/" + String.join("/", output);
    }

    /**
     * The path the client addressed, with the hiding tricks undone but its dot-segments kept: what decides which
     * api's prefix a request starts in before its dot-segments walk out of it.
     */
    static String decoded(String rawPath) {
        return "/" + String.join("/", segments(rawPath));
    }

    /** A dot-segment starts right after a '/', or hides behind a percent-encoding: most paths skip all the work. */
    private static boolean mayHaveDotSegments(String path) {
        return path.contains("/.") || path.indexOf('%') >= 0;
    }

    /** The segments after the leading '/', with %2e, %2f and %5c decoded and parameters dropped from dot-segments. */
    private static List<String> segments(String rawPath) {
        String decoded = decodeDotsAndSlashes(rawPath.startsWith("/") ? rawPath.substring(1) : rawPath);
        List<String> segments = new ArrayList<>();
        for (String segment : decoded.split("/", -1)) {
            segments.add(isDotSegment(segment) ? dotName(segment) : segment);
        }
        return segments;
    }

    private static boolean isDotSegment(String segment) {
        String name = dotName(segment);
        return name.equals(".") || name.equals("..");
    }

    private static String dotName(String segment) {
        int semicolon = segment.indexOf(';');
        return semicolon < 0 ? segment : segment.substring(0, semicolon);
    }

    private static String decodeDotsAndSlashes(String path) {
        if (path.indexOf('%') < 0) {
            return path;
        }
        StringBuilder out = new StringBuilder(path.length());
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            char decoded = c == '%' && i + 2 < path.length() ? dotOrSlash(path.charAt(i + 1), path.charAt(i + 2)) : 0;
            if (decoded != 0) {
                out.append(decoded);
                i += 2;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** What {@code %hi lo} stands for when it is a dot or a separator ({@code %2e}, {@code %2f}, {@code %5c}), or 0. */
    private static char dotOrSlash(char hi, char lo) {
        char low = Character.toLowerCase(lo);
        if (hi == '2') {
            return low == 'e' ? '.' : low == 'f' ? '/' : 0;
        }
        return hi == '5' && low == 'c' ? '/' : 0;
    }
}
