package dev.switchboard.dns.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.dns.TestProfiles;
import dev.switchboard.dns.TrafficProfiles;
import dev.switchboard.engine.Ticker;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.Type;

/**
 * Broken packets over real UDP and TCP: each is dropped or answered with FORMERR / NOTIMP (id echoed, header only),
 * and the responder keeps answering good queries after all of them.
 */
class MalformedQueryTest {

    private static final int DROPPED = -1;
    private static TrafficProfiles profiles;
    private static DnsResponder responder;

    @BeforeAll
    static void start() {
        profiles = new TrafficProfiles(Ticker.system(), new Random(1));
        profiles.apply(TestProfiles.config("""
                { "name": "api.example.test", "endpoints": [ { "name": "east", "target": "192.0.2.1" } ] }"""));
        responder = DnsResponder.start(new InetSocketAddress("127.0.0.1", 0), profiles, 1);
    }

    @AfterAll
    static void stop() {
        responder.close();
    }

    /** Header with id 0xBEEF, the given flags byte and counts. */
    private static byte[] header(int flags, int qd, int an, int ns, int ar) {
        return new byte[] {(byte) 0xbe, (byte) 0xef, (byte) flags, 0, 0, (byte) qd, 0, (byte) an, 0, (byte) ns, 0, (byte) ar};
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    private static byte[] hex(String hex) {
        return HexFormat.of().parseHex(hex.replace(" ", ""));
    }

    /** QNAME api.example.test, type A, class IN. */
    private static final byte[] QUESTION = hex("03617069 076578616d706c65 0474657374 00 0001 0001");
    /** An OPT record: root owner, type 41, payload 1232, no options. */
    private static final byte[] OPT = hex("00 0029 04d0 00000000 0000");

    static Stream<Arguments> packets() {
        byte[] garbage = new byte[200];
        new Random(3).nextBytes(garbage);
        garbage[2] = 0x01; // a query (QR clear) with standard opcode, so only the body is garbage
        return Stream.of(
                Arguments.of("empty datagram", new byte[0], DROPPED),
                Arguments.of("5-byte header", Arrays.copyOf(header(1, 1, 0, 0, 0), 5), DROPPED),
                Arguments.of("11-byte header", Arrays.copyOf(header(1, 1, 0, 0, 0), 11), DROPPED),
                Arguments.of("question count 1 without a question", header(1, 1, 0, 0, 0), Rcode.FORMERR),
                Arguments.of("question cut inside the name", concat(header(1, 1, 0, 0, 0), Arrays.copyOf(QUESTION, 7)), Rcode.FORMERR),
                Arguments.of("question without type and class", concat(header(1, 1, 0, 0, 0), Arrays.copyOf(QUESTION, 18)), Rcode.FORMERR),
                Arguments.of("label longer than the packet", concat(header(1, 1, 0, 0, 0), hex("3f616263 00 0001 0001")), Rcode.FORMERR),
                Arguments.of("compression pointer to itself", concat(header(1, 1, 0, 0, 0), hex("c00c 0001 0001")), Rcode.FORMERR),
                Arguments.of("compression pointer past the end", concat(header(1, 1, 0, 0, 0), hex("c0ff 0001 0001")), Rcode.FORMERR),
                Arguments.of("reserved label type 0x40", concat(header(1, 1, 0, 0, 0), hex("4161 00 0001 0001")), Rcode.FORMERR),
                Arguments.of("name longer than 255 octets", concat(header(1, 1, 0, 0, 0), longName(), hex("0001 0001")), Rcode.FORMERR),
                Arguments.of("no question (QDCOUNT 0)", header(1, 0, 0, 0, 0), Rcode.FORMERR),
                Arguments.of("two questions (QDCOUNT 2)", concat(header(1, 2, 0, 0, 0), QUESTION, QUESTION), Rcode.FORMERR),
                Arguments.of("answer count without answers", concat(header(1, 1, 1, 0, 0), QUESTION), Rcode.FORMERR),
                Arguments.of("a response (QR set)", concat(header(0x81, 1, 0, 0, 0), QUESTION), DROPPED),
                Arguments.of("opcode STATUS", concat(header(0x10 | 1, 1, 0, 0, 0), QUESTION), Rcode.NOTIMP),
                Arguments.of("opcode 15", concat(header(0x78 | 1, 1, 0, 0, 0), QUESTION), Rcode.NOTIMP),
                Arguments.of("two OPT records", concat(header(1, 1, 0, 0, 2), QUESTION, OPT, OPT), Rcode.FORMERR),
                Arguments.of("OPT not owned by the root", concat(header(1, 1, 0, 0, 1), QUESTION, hex("0161 00"), Arrays.copyOfRange(OPT, 1, OPT.length)), Rcode.FORMERR),
                Arguments.of("OPT in the answer section", concat(header(1, 1, 1, 0, 0), QUESTION, OPT), Rcode.FORMERR),
                Arguments.of("OPT rdata longer than the packet", concat(header(1, 1, 0, 0, 1), QUESTION, hex("00 0029 04d0 00000000 0010 0008")), Rcode.FORMERR),
                Arguments.of("client subnet option with family 9", concat(header(1, 1, 0, 0, 1), QUESTION,
                        hex("00 0029 04d0 00000000 0008 0008 0004 0009 1800")), Rcode.FORMERR),
                Arguments.of("200 bytes of garbage after a header", garbage, Rcode.FORMERR));
    }

    private static byte[] longName() {
        ByteArrayOutputStream name = new ByteArrayOutputStream();
        for (int i = 0; i < 5; i++) {
            name.write(63);
            name.writeBytes("a".repeat(63).getBytes());
        }
        name.write(0);
        return name.toByteArray();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("packets")
    void udpPacketIsDroppedOrAnsweredWithAnError(String what, byte[] packet, int rcode) throws IOException {
        try (DatagramSocket socket = new DatagramSocket(new InetSocketAddress("127.0.0.1", 0))) {
            socket.setSoTimeout(rcode == DROPPED ? 300 : 3000);
            socket.send(new DatagramPacket(packet, packet.length, responder.address()));
            byte[] buffer = new byte[4096];
            DatagramPacket reply = new DatagramPacket(buffer, buffer.length);
            if (rcode == DROPPED) {
                boolean answered;
                try {
                    socket.receive(reply);
                    answered = true;
                } catch (SocketTimeoutException e) {
                    answered = false;
                }
                assertThat(answered).as("no answer to " + what).isFalse();
            } else {
                socket.receive(reply);
                assertThat(reply.getLength()).isEqualTo(12);
                assertThat(Arrays.copyOf(buffer, 2)).as("id echoed").containsExactly(Arrays.copyOf(packet, 2));
                assertThat(buffer[2] & 0x80).as("QR").isEqualTo(0x80);
                assertThat(buffer[2] & 0x78).as("opcode echoed").isEqualTo(packet[2] & 0x78);
                assertThat(buffer[3] & 0x0f).as("rcode").isEqualTo(rcode);
            }
        }
        assertGoodQueriesStillAnswered();
    }

    @Test
    void tcpMessageWithoutHeaderClosesTheConnectionAndOthersAreServed() throws IOException {
        try (Socket partial = new Socket()) {
            partial.connect(responder.address(), 3000);
            // Announces a 65535-byte message and sends 10 bytes: the connection waits (until its idle timeout)...
            new DataOutputStream(partial.getOutputStream()).write(hex("ffff 00112233445566778899"));
            // ...while other connections are served.
            try (Socket bad = new Socket()) {
                bad.connect(responder.address(), 3000);
                bad.setSoTimeout(3000);
                new DataOutputStream(bad.getOutputStream()).write(hex("0005 0102030405"));
                assertThat(bad.getInputStream().read()).as("closed without an answer").isEqualTo(-1);
            }
            try (Socket good = new Socket()) {
                good.connect(responder.address(), 3000);
                good.setSoTimeout(3000);
                byte[] query = concat(header(1, 1, 0, 0, 0), QUESTION);
                DataOutputStream out = new DataOutputStream(good.getOutputStream());
                for (int i = 0; i < 2; i++) { // two pipelined queries on one connection
                    out.writeShort(query.length);
                    out.write(query);
                }
                InputStream in = good.getInputStream();
                for (int i = 0; i < 2; i++) {
                    byte[] answer = new byte[new DataInputStream(in).readUnsignedShort()];
                    new DataInputStream(in).readFully(answer);
                    Message m = new Message(answer);
                    assertThat(m.getRcode()).isEqualTo(Rcode.NOERROR);
                    assertThat(m.getSection(Section.ANSWER)).singleElement().extracting(Record::rdataToString).isEqualTo("192.0.2.1");
                }
            }
        }
        assertGoodQueriesStillAnswered();
    }

    private static void assertGoodQueriesStillAnswered() throws IOException {
        for (boolean tcp : new boolean[] {false, true}) {
            SimpleResolver r = new SimpleResolver(responder.address());
            r.setTCP(tcp);
            r.setTimeout(Duration.ofSeconds(3));
            Message m = r.send(Message.newQuery(Record.newRecord(Name.fromString("api.example.test."), Type.A, DClass.IN)));
            assertThat(m.getSection(Section.ANSWER)).singleElement().extracting(Record::rdataToString).isEqualTo("192.0.2.1");
        }
    }
}
