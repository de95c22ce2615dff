package dev.switchboard.config;

import java.net.InetAddress;

/**
 * A client subnet of geographic routing, such as {@code 10.1.0.0/16} or {@code 2001:db8::/32}.
 *
 * @param network the address with its host bits as written
 * @param prefix  leading bits that must match
 */
public record Cidr(InetAddress network, int prefix) {

    /** @throws IllegalArgumentException saying what is wrong with {@code text} */
    public static Cidr parse(String text) {
        int slash = text.indexOf('/');
        String problem = "\"" + text + "\" is not a subnet such as 10.1.0.0/16";
        if (slash < 0) {
            throw new IllegalArgumentException(problem);
        }
        InetAddress network;
        int prefix;
        try {
            network = DnsNames.address(text.substring(0, slash));
            prefix = Integer.parseInt(text.substring(slash + 1));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(problem);
        }
        if (network == null || prefix < 0 || prefix > network.getAddress().length * 8) {
            throw new IllegalArgumentException(problem);
        }
        return new Cidr(network, prefix);
    }

    /** True when {@code address} (of the same family) lies in this subnet. */
    public boolean contains(InetAddress address) {
        byte[] net = network.getAddress();
        byte[] a = address.getAddress();
        if (a.length != net.length) {
            return false;
        }
        int full = prefix / 8;
        for (int i = 0; i < full; i++) {
            if (a[i] != net[i]) {
                return false;
            }
        }
        int rest = prefix % 8;
        int mask = (0xff << (8 - rest)) & 0xff;
        return rest == 0 || (a[full] & mask) == (net[full] & mask);
    }
}
