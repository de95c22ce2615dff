package dev.switchboard.dns;

import java.net.InetAddress;

/**
 * What one endpoint contributes to an answer.
 *
 * @param endpoint the endpoint's name
 * @param target   as configured: an address or a host name
 * @param address  the address (A or AAAA record); null for a host name (CNAME record)
 */
public record Target(String endpoint, String target, InetAddress address) {
}
