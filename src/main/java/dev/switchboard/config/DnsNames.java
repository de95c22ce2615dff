package dev.switchboard.config;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** Host-name rules for traffic profiles and the DNS zone: syntax, case-insensitive comparison, zone membership. */
public final class DnsNames {

    private static final Pattern LABEL = Pattern.compile("[A-Za-z0-9_]([A-Za-z0-9_-]{0,61}[A-Za-z0-9_])?");
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final int MAX_NAME_LENGTH = 253;

    private DnsNames() {
    }

    /** Lower case without a trailing dot: the form names are compared in. */
    public static String canonical(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.endsWith(".") ? lower.substring(0, lower.length() - 1) : lower;
    }

    /**
     * Why {@code name} is not a host name (labels of letters, digits, '-' and '_', at most 63 each), or null;
     * callers put the name in front.
     */
    public static String problem(String name) {
        String bare = canonical(name);
        if (bare.length() > MAX_NAME_LENGTH) {
            return "longer than " + MAX_NAME_LENGTH + " characters";
        }
        for (String label : bare.split("\\.", -1)) {
            if (!LABEL.matcher(label).matches()) {
                return "label \"" + label + "\" must be 1-63 letters, digits, '-' or '_' and not start or end with '-'";
            }
        }
        return null;
    }

    /** True when {@code name} lies strictly below {@code zone} (both in any case, with or without trailing dot). */
    public static boolean isBelow(String name, String zone) {
        String n = canonical(name);
        String z = canonical(zone);
        return n.endsWith("." + z) || z.isEmpty() && !n.isEmpty();
    }

    /** The longest parent domain every name lies below, or null when they share none (or there are no names). */
    public static String commonParent(List<String> names) {
        List<String> common = null;
        for (String name : names) {
            List<String> labels = Arrays.asList(canonical(name).split("\\."));
            List<String> parent = labels.subList(1, labels.size());
            common = common == null ? new ArrayList<>(parent) : commonSuffix(common, parent);
        }
        return common == null || common.isEmpty() ? null : String.join(".", common);
    }

    private static List<String> commonSuffix(List<String> a, List<String> b) {
        int n = 0;
        while (n < a.size() && n < b.size() && a.get(a.size() - 1 - n).equals(b.get(b.size() - 1 - n))) {
            n++;
        }
        return new ArrayList<>(a.subList(a.size() - n, a.size()));
    }

    /**
     * The address {@code target} spells (IPv4 dotted quad or IPv6), or null when it is a host name.
     *
     * @throws IllegalArgumentException when it looks like an address but is not one, such as 192.0.2.300
     */
    public static InetAddress address(String target) {
        if (!target.contains(":") && !IPV4.matcher(target).matches()) {
            return null;
        }
        return InetAddress.ofLiteral(target);
    }
}
