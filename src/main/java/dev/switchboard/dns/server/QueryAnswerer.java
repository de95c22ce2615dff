package dev.switchboard.dns.server;

import dev.switchboard.config.RoutingMethod;
import dev.switchboard.dns.RecordType;
import dev.switchboard.dns.Target;
import dev.switchboard.dns.TrafficProfile;
import dev.switchboard.dns.TrafficProfiles;
import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.CNAMERecord;
import org.xbill.DNS.ClientSubnetOption;
import org.xbill.DNS.DClass;
import org.xbill.DNS.EDNSOption;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.OPTRecord;
import org.xbill.DNS.Opcode;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;

/**
 * Turns one query into one response, the same for UDP and TCP; the transports only frame bytes. Answers A, AAAA
 * (or a CNAME for a host-name target) for profile names, NXDOMAIN with the SOA for other names in the zone, REFUSED
 * outside it. Anything that cannot be read as a query gets FORMERR when its header can be read, else nothing;
 * responses are never answered. Thread-safe and lock-free: it only reads the profiles' current plans.
 */
final class QueryAnswerer {

    /** Largest UDP response we offer in EDNS (the 2020 DNS flag day's size, which avoids IP fragmentation). */
    static final int EDNS_PAYLOAD = 1232;
    /** Largest UDP response to a query without EDNS (RFC 1035). */
    static final int PLAIN_UDP_PAYLOAD = 512;
    static final int TCP_PAYLOAD = 65535;

    private static final int HEADER_LENGTH = 12;
    private static final int BADVERS_HIGH_BITS = 1;

    private final TrafficProfiles profiles;
    private volatile ZoneIndex index;

    QueryAnswerer(TrafficProfiles profiles) {
        this.profiles = profiles;
    }

    /**
     * @param query  the query's bytes from its position to its limit (a TCP message without its length prefix)
     * @param client where the query came from: geographic routing's client unless it carries an EDNS client subnet
     * @param tcp    whether the answer goes back over TCP (no size limit below 64 KiB)
     * @return the response's bytes, or null to send nothing
     */
    byte[] answer(ByteBuffer query, InetAddress client, boolean tcp) {
        int at = query.position();
        if (query.remaining() < HEADER_LENGTH || (query.get(at + 2) & 0x80) != 0) {
            return null; // no header to answer to, or a response: answering responses invites loops
        }
        int opcode = (query.get(at + 2) >> 3) & 0x0f;
        if (opcode != Opcode.QUERY) {
            return headerOnly(query, Rcode.NOTIMP);
        }
        Message request;
        try {
            request = new Message(query.duplicate());
        } catch (IOException | RuntimeException e) {
            return headerOnly(query, Rcode.FORMERR);
        }
        if (request.getHeader().getCount(Section.QUESTION) != 1 || request.getSection(Section.ANSWER).size() > 0
                || !wellFormedEdns(request)) {
            return headerOnly(query, Rcode.FORMERR);
        }
        OPTRecord opt = request.getOPT();
        Message response = respond(request, opt, clientOf(opt, client));
        int limit = tcp ? TCP_PAYLOAD : opt == null ? PLAIN_UDP_PAYLOAD
                : Math.max(PLAIN_UDP_PAYLOAD, Math.min(opt.getPayloadSize(), EDNS_PAYLOAD));
        return response.toWire(limit);
    }

    private Message respond(Message request, OPTRecord opt, InetAddress client) {
        Record question = request.getQuestion();
        Message response = new Message(request.getHeader().getID());
        response.getHeader().setFlag(Flags.QR);
        if (request.getHeader().getFlag(Flags.RD)) {
            response.getHeader().setFlag(Flags.RD);
        }
        response.addRecord(question, Section.QUESTION);
        if (opt != null && opt.getVersion() != 0) {
            response.addRecord(new OPTRecord(EDNS_PAYLOAD, BADVERS_HIGH_BITS, 0, 0), Section.ADDITIONAL);
            return response; // BADVERS (16): its high bits in the OPT, its low bits (0) in the header
        }
        ZoneIndex zone = zone();
        Name name = question.getName();
        if (question.getDClass() != DClass.IN && question.getDClass() != DClass.ANY || !zone.inZone(name)) {
            response.getHeader().setRcode(Rcode.REFUSED);
            if (opt != null) {
                // RFC 6891 7: a query with an OPT gets one back, refusals included.
                response.addRecord(responseOpt(opt, false), Section.ADDITIONAL);
            }
            return response;
        }
        response.getHeader().setFlag(Flags.AA);
        TrafficProfile profile = zone.profile(name);
        if (opt != null) {
            response.addRecord(responseOpt(opt, profile != null && profile.config().routing() == RoutingMethod.GEOGRAPHIC), Section.ADDITIONAL);
        }
        int type = question.getType();
        if (profile != null && profile.exists()) {
            addAnswers(response, name, type, profile, client);
        } else if (name.equals(zone.apex) && (type == Type.SOA || type == Type.ANY)) {
            response.addRecord(zone.soa, Section.ANSWER);
        } else if (!zone.existsWithoutData(name)) {
            // A profile that does not exist is NXDOMAIN only when no existing profile lies below it (RFC 8020:
            // NXDOMAIN means nothing exists at or under the name); above an existing one it is an empty
            // non-terminal, NODATA.
            response.getHeader().setRcode(Rcode.NXDOMAIN);
        }
        if (response.getHeader().getCount(Section.ANSWER) == 0) {
            response.addRecord(zone.soa, Section.AUTHORITY);
        }
        return response;
    }

    private void addAnswers(Message response, Name name, int type, TrafficProfile profile, InetAddress client) {
        RecordType wanted = switch (type) {
            case Type.A -> RecordType.A;
            case Type.AAAA -> RecordType.AAAA;
            case Type.ANY -> RecordType.ANY;
            default -> RecordType.OTHER;
        };
        List<Target> targets = profile.select(client, wanted, profiles.random());
        long ttl = profile.ttl();
        for (int i = 0; i < targets.size(); i++) {
            Target t = targets.get(i);
            if (wanted.answeredBy(t)) {
                response.addRecord(record(name, t, ttl), Section.ANSWER);
            }
        }
    }

    private static Record record(Name name, Target t, long ttl) {
        if (t.address() == null) {
            try {
                return new CNAMERecord(name, DClass.IN, ttl, Name.fromString(t.target(), Name.root));
            } catch (TextParseException e) {
                throw new IllegalStateException("a validated target is a DNS name: " + t.target(), e);
            }
        }
        return t.address() instanceof Inet4Address ? new ARecord(name, DClass.IN, ttl, t.address())
                : new AAAARecord(name, DClass.IN, ttl, t.address());
    }

    /** The zone index for the profiles as they are now; rebuilt when a config apply replaced them. */
    private ZoneIndex zone() {
        ZoneIndex current = index;
        Map<String, TrafficProfile> now = profiles.byName();
        String zone = profiles.zone();
        if (current == null || current.source != now || !Objects.equals(current.zone, zone)) {
            current = new ZoneIndex(zone, now);
            index = current;
        }
        return current;
    }

    /** At most one OPT, owned by the root, and only in the additional section (RFC 6891). */
    private static boolean wellFormedEdns(Message request) {
        int opts = 0;
        for (int section : new int[] {Section.ANSWER, Section.AUTHORITY, Section.ADDITIONAL}) {
            for (Record r : request.getSection(section)) {
                if (r.getType() == Type.OPT) {
                    if (section != Section.ADDITIONAL || !r.getName().equals(Name.root)) {
                        return false;
                    }
                    opts++;
                }
            }
        }
        return opts <= 1;
    }

    /**
     * Our OPT: the payload we accept, and the query's client subnet echoed with the scope the answer is valid for
     * (its whole source prefix for geographic profiles, any client otherwise) so resolvers cache it correctly.
     */
    private static OPTRecord responseOpt(OPTRecord opt, boolean geographic) {
        List<EDNSOption> subnets = opt.getOptions(EDNSOption.Code.CLIENT_SUBNET);
        if (subnets.isEmpty()) {
            return new OPTRecord(EDNS_PAYLOAD, 0, 0, 0);
        }
        ClientSubnetOption ecs = (ClientSubnetOption) subnets.getFirst();
        return new OPTRecord(EDNS_PAYLOAD, 0, 0, 0,
                new ClientSubnetOption(ecs.getSourcePrefixLength(), geographic ? ecs.getSourcePrefixLength() : 0, ecs.getAddress()));
    }

    /** Geographic routing's client: the EDNS client subnet a resolver forwarded, else the query's source. */
    private static InetAddress clientOf(OPTRecord opt, InetAddress source) {
        if (opt != null) {
            List<EDNSOption> subnets = opt.getOptions(EDNSOption.Code.CLIENT_SUBNET);
            if (!subnets.isEmpty()) {
                return ((ClientSubnetOption) subnets.getFirst()).getAddress();
            }
        }
        return source;
    }

    /** A response of just a header: the query's id, opcode and RD, no sections (for FORMERR and NOTIMP). */
    private static byte[] headerOnly(ByteBuffer query, int rcode) {
        int at = query.position();
        byte[] header = new byte[HEADER_LENGTH];
        header[0] = query.get(at);
        header[1] = query.get(at + 1);
        header[2] = (byte) (0x80 | (query.get(at + 2) & 0x79)); // QR, the query's opcode and RD
        header[3] = (byte) rcode;
        return header;
    }
}
