package dev.switchboard.dns;

import java.net.Inet4Address;
import java.net.Inet6Address;

/** The record type a query asks for, as far as choosing its answer goes. */
public enum RecordType {
    A,
    AAAA,
    ANY,
    /** Any other type: only a CNAME can answer it. */
    OTHER;

    /** Whether {@code target}'s record answers this type: its A or AAAA record, or the CNAME of a host name, which answers every type. */
    public boolean answeredBy(Target target) {
        return target.address() == null || switch (this) {
            case A -> target.address() instanceof Inet4Address;
            case AAAA -> target.address() instanceof Inet6Address;
            case ANY -> true;
            case OTHER -> false;
        };
    }
}
