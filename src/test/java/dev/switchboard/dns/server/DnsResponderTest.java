package dev.switchboard.dns.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.dns.TrafficProfiles;
import dev.switchboard.dns.TestProfiles;
import dev.switchboard.engine.Ticker;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.ClientSubnetOption;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.OPTRecord;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.Type;

/** The responder over real UDP and TCP sockets, asked with dnsjava's resolver. */
class DnsResponderTest {

    static final String PROFILES = """
            { "name": "api.example.test", "ttl": 45, "endpoints": [
                { "name": "east", "target": "192.0.2.1" }, { "name": "west", "target": "192.0.2.2" } ] },
            { "name": "v6.example.test", "endpoints": [ { "name": "a", "target": "2001:db8::1" } ] },
            { "name": "alias.example.test", "ttl": 0, "endpoints": [ { "name": "a", "target": "origin.backends.test" } ] },
            { "name": "w.example.test", "routing": "weighted", "endpoints": [
                { "name": "a", "target": "192.0.2.11", "weight": 800 }, { "name": "b", "target": "192.0.2.12", "weight": 200 } ] },
            { "name": "mix.example.test", "routing": "weighted", "endpoints": [
                { "name": "blue", "target": "192.0.2.71", "weight": 90 }, { "name": "green", "target": "2001:db8::72", "weight": 10 } ] },
            { "name": "geo.example.test", "routing": "geographic",
              "regions": { "two": [ "127.0.0.2/32" ], "us": [ "10.2.0.0/16" ] },
              "endpoints": [
                { "name": "two", "target": "192.0.2.22", "region": "two" },
                { "name": "us", "target": "192.0.2.23", "region": "us" },
                { "name": "rest", "target": "192.0.2.29", "region": "world" } ] },
            { "name": "all.example.test", "routing": "multivalue", "endpoints": [
                { "name": "a", "target": "192.0.2.31" }, { "name": "b", "target": "192.0.2.32" }, { "name": "c", "target": "192.0.2.33" } ] },
            { "name": "off.example.test", "enabled": false, "endpoints": [ { "name": "a", "target": "192.0.2.41" } ] },
            { "name": "deep.sub.example.test", "endpoints": [ { "name": "a", "target": "192.0.2.51" } ] },
            { "name": "paused.example.test", "enabled": false, "endpoints": [ { "name": "a", "target": "192.0.2.61" } ] },
            { "name": "a.paused.example.test", "endpoints": [ { "name": "a", "target": "192.0.2.62" } ] },
            { "name": "x.gone.example.test", "enabled": false, "endpoints": [ { "name": "a", "target": "192.0.2.63" } ] }""";

    TrafficProfiles profiles;
    DnsResponder responder;

    @BeforeEach
    void start() {
        profiles = new TrafficProfiles(Ticker.system(), new Random(11));
        profiles.apply(TestProfiles.config(PROFILES + "," + bigProfile()));
        responder = DnsResponder.start(new InetSocketAddress("127.0.0.1", 0), profiles, 2);
    }

    @AfterEach
    void stop() {
        responder.close();
    }

    /** 40 IPv6 endpoints: more than 512 bytes of answer. */
    private static String bigProfile() {
        StringBuilder endpoints = new StringBuilder();
        for (int i = 1; i <= 40; i++) {
            endpoints.append(i > 1 ? "," : "").append("{ \"name\": \"e").append(i).append("\", \"target\": \"2001:db8::").append(i).append("\" }");
        }
        return "{ \"name\": \"big.example.test\", \"routing\": \"multivalue\", \"endpoints\": [ " + endpoints + " ] }";
    }

    SimpleResolver resolver(boolean tcp) {
        SimpleResolver r = new SimpleResolver(new InetSocketAddress("127.0.0.1", responder.port()));
        r.setTCP(tcp);
        r.setTimeout(Duration.ofSeconds(3));
        return r;
    }

    Message ask(String name, int type, boolean tcp) throws IOException {
        return resolver(tcp).send(Message.newQuery(Record.newRecord(Name.fromString(name + "."), type, DClass.IN)));
    }

    static List<String> answers(Message m) {
        return m.getSection(Section.ANSWER).stream().map(r -> r.rdataToString()).toList();
    }

    @ParameterizedTest(name = "tcp={0}")
    @ValueSource(booleans = {false, true})
    void priorityAnswerIsAuthoritativeWithTheProfilesTtlAndEchoesIdAndQuestion(boolean tcp) throws IOException {
        Message query = Message.newQuery(Record.newRecord(Name.fromString("API.Example.test."), Type.A, DClass.IN));
        Message response = resolver(tcp).send(query);

        assertThat(response.getRcode()).isEqualTo(Rcode.NOERROR);
        assertThat(response.getHeader().getID()).isEqualTo(query.getHeader().getID());
        assertThat(response.getQuestion()).isEqualTo(query.getQuestion());
        assertThat(response.getQuestion().getName().toString()).isEqualTo("API.Example.test.");
        assertThat(response.getHeader().getFlag(Flags.AA)).isTrue();
        assertThat(response.getHeader().getFlag(Flags.QR)).isTrue();
        assertThat(response.getHeader().getFlag(Flags.RD)).isTrue();
        assertThat(response.getHeader().getFlag(Flags.RA)).isFalse();
        assertThat(answers(response)).containsExactly("192.0.2.1");
        assertThat(response.getSection(Section.ANSWER).getFirst().getTTL()).isEqualTo(45);
        assertThat(response.getOPT()).as("EDNS echoed").isNotNull();
        assertThat(response.getOPT().getPayloadSize()).isEqualTo(QueryAnswerer.EDNS_PAYLOAD);
    }

    @Test
    void aaaaAndCnameAndNoData() throws IOException {
        assertThat(answers(ask("v6.example.test", Type.AAAA, false))).containsExactly("2001:db8:0:0:0:0:0:1");
        Message cname = ask("alias.example.test", Type.A, false);
        assertThat(cname.getSection(Section.ANSWER)).singleElement().satisfies(r -> {
            assertThat(r.getType()).isEqualTo(Type.CNAME);
            assertThat(r.rdataToString()).isEqualTo("origin.backends.test.");
            assertThat(r.getTTL()).isZero();
        });
        Message noData = ask("api.example.test", Type.AAAA, false);
        assertThat(noData.getRcode()).isEqualTo(Rcode.NOERROR);
        assertThat(noData.getSection(Section.ANSWER)).isEmpty();
        assertThat(noData.getSection(Section.AUTHORITY)).singleElement().extracting(Record::getType).isEqualTo(Type.SOA);
        Message between = ask("sub.example.test", Type.A, false);
        assertThat(between.getRcode()).as("a name that only leads to deeper ones exists").isEqualTo(Rcode.NOERROR);
        assertThat(answers(ask("deep.sub.example.test", Type.A, false))).containsExactly("192.0.2.51");
        assertThat(answers(ask("example.test", Type.SOA, true))).singleElement().asString().startsWith("ns.example.test. hostmaster.example.test.");
    }

    @Test
    void unknownNamesInTheZoneAreNxdomainWithSoaAndOthersAreRefused() throws IOException {
        Message nx = ask("nope.example.test", Type.A, false);
        assertThat(nx.getRcode()).isEqualTo(Rcode.NXDOMAIN);
        assertThat(nx.getHeader().getFlag(Flags.AA)).isTrue();
        assertThat(nx.getSection(Section.AUTHORITY)).singleElement().satisfies(r -> {
            assertThat(r.getType()).isEqualTo(Type.SOA);
            assertThat(r.getName().toString()).isEqualTo("example.test.");
            assertThat(r.getTTL()).isEqualTo(ZoneIndex.NEGATIVE_TTL);
        });
        assertThat(ask("off.example.test", Type.A, false).getRcode()).as("disabled profile").isEqualTo(Rcode.NXDOMAIN);

        Message refused = ask("www.other.test", Type.A, true);
        assertThat(refused.getRcode()).isEqualTo(Rcode.REFUSED);
        assertThat(refused.getHeader().getFlag(Flags.AA)).isFalse();
        assertThat(refused.getSection(Section.ANSWER)).isEmpty();
    }

    @Test
    void aDisabledProfileAboveAnEnabledOneIsNodataNotNxdomain() throws IOException {
        // RFC 8020: NXDOMAIN would tell resolvers that nothing exists under the name either.
        Message above = ask("paused.example.test", Type.A, false);
        assertThat(above.getRcode()).isEqualTo(Rcode.NOERROR);
        assertThat(above.getSection(Section.ANSWER)).isEmpty();
        assertThat(above.getSection(Section.AUTHORITY)).singleElement().extracting(Record::getType).isEqualTo(Type.SOA);
        assertThat(answers(ask("a.paused.example.test", Type.A, false))).containsExactly("192.0.2.62");
    }

    @Test
    void aNameAboveOnlyProfilesThatDoNotExistIsNxdomainLikeTheProfilesThemselves() throws IOException {
        assertThat(ask("x.gone.example.test", Type.A, false).getRcode()).isEqualTo(Rcode.NXDOMAIN);
        assertThat(ask("gone.example.test", Type.A, false).getRcode()).as("above a disabled profile only").isEqualTo(Rcode.NXDOMAIN);

        assertThat(ask("sub.example.test", Type.A, false).getRcode()).isEqualTo(Rcode.NOERROR);
        profiles.disableEndpoint("deep.sub.example.test", "a");
        assertThat(ask("deep.sub.example.test", Type.A, false).getRcode()).isEqualTo(Rcode.NXDOMAIN);
        assertThat(ask("sub.example.test", Type.A, false).getRcode()).as("its only profile below is gone").isEqualTo(Rcode.NXDOMAIN);
        assertThat(ask("paused.example.test", Type.A, false).getRcode()).as("still above an enabled one").isEqualTo(Rcode.NOERROR);
        profiles.disableEndpoint("a.paused.example.test", "a");
        assertThat(ask("paused.example.test", Type.A, true).getRcode()).isEqualTo(Rcode.NXDOMAIN);

        profiles.enableEndpoint("deep.sub.example.test", "a");
        assertThat(ask("sub.example.test", Type.A, false).getRcode()).isEqualTo(Rcode.NOERROR);
    }

    @Test
    void aRefusalAnswersAQueryWithAnOptWithAnOpt() throws IOException {
        SimpleResolver r = resolver(false);
        r.setEDNS(0, 1232, 0, List.of());
        Message refused = r.send(Message.newQuery(Record.newRecord(Name.fromString("www.other.test."), Type.A, DClass.IN)));
        assertThat(refused.getRcode()).isEqualTo(Rcode.REFUSED);
        assertThat(refused.getOPT()).as("RFC 6891 7: the OPT of a response to a query with one").isNotNull();
    }

    @Test
    void weightedSharesOverManyQueries() throws IOException {
        SimpleResolver r = resolver(false);
        int a = 0;
        int n = 2000;
        for (int i = 0; i < n; i++) {
            Message m = r.send(Message.newQuery(Record.newRecord(Name.fromString("w.example.test."), Type.A, DClass.IN)));
            a += answers(m).equals(List.of("192.0.2.11")) ? 1 : 0;
        }
        assertThat(a / (double) n).isBetween(0.76, 0.84);
    }

    @Test
    void aWeightedProfileMixingIpv4AndIpv6AnswersEveryAAndAaaaQuery() throws IOException {
        SimpleResolver r = resolver(false);
        for (int i = 0; i < 100; i++) {
            assertThat(answers(r.send(Message.newQuery(Record.newRecord(Name.fromString("mix.example.test."), Type.A, DClass.IN)))))
                    .containsExactly("192.0.2.71");
            assertThat(answers(r.send(Message.newQuery(Record.newRecord(Name.fromString("mix.example.test."), Type.AAAA, DClass.IN)))))
                    .containsExactly("2001:db8:0:0:0:0:0:72");
        }
    }

    @Test
    void geographicByTheQuerysSourceOrItsClientSubnet() throws IOException {
        SimpleResolver fromTwo = resolver(false);
        fromTwo.setLocalAddress(new InetSocketAddress(InetAddress.ofLiteral("127.0.0.2"), 0));
        Message q = Message.newQuery(Record.newRecord(Name.fromString("geo.example.test."), Type.A, DClass.IN));
        assertThat(answers(fromTwo.send(q))).containsExactly("192.0.2.22");
        assertThat(answers(ask("geo.example.test", Type.A, false))).as("from 127.0.0.1: world").containsExactly("192.0.2.29");

        SimpleResolver viaResolver = resolver(true);
        viaResolver.setEDNS(0, 1232, 0, List.of(new ClientSubnetOption(24, InetAddress.ofLiteral("10.2.3.0"))));
        Message response = viaResolver.send(q);
        assertThat(answers(response)).containsExactly("192.0.2.23");
        ClientSubnetOption echoed = (ClientSubnetOption) response.getOPT().getOptions(ClientSubnetOption.Code.CLIENT_SUBNET).getFirst();
        assertThat(echoed.getScopePrefixLength()).isEqualTo(24);
    }

    @Test
    void multivalueReturnsEveryOnlineAddress() throws IOException {
        assertThat(answers(ask("all.example.test", Type.A, false))).containsExactly("192.0.2.31", "192.0.2.32", "192.0.2.33");
    }

    @Test
    void manualFailoverChangesTheNextAnswer() throws IOException {
        assertThat(answers(ask("api.example.test", Type.A, false))).containsExactly("192.0.2.1");
        profiles.failOverTo("api.example.test", "west");
        assertThat(answers(ask("api.example.test", Type.A, false))).containsExactly("192.0.2.2");
        profiles.disableEndpoint("api.example.test", "west");
        assertThat(answers(ask("api.example.test", Type.A, true))).containsExactly("192.0.2.1");
        profiles.disableEndpoint("api.example.test", "east");
        assertThat(ask("api.example.test", Type.A, false).getRcode()).isEqualTo(Rcode.NXDOMAIN);
    }

    @Test
    void anAnswerTooBigForUdpIsTruncatedAndComesWholeOverTcp() throws IOException {
        SimpleResolver plain = resolver(false);
        plain.setEDNS(-1, 0, 0, List.of());
        plain.setIgnoreTruncation(true);
        Message q = Message.newQuery(Record.newRecord(Name.fromString("big.example.test."), Type.AAAA, DClass.IN));
        Message truncated = plain.send(q);
        assertThat(truncated.getHeader().getFlag(Flags.TC)).isTrue();
        assertThat(truncated.getOPT()).isNull();

        SimpleResolver edns = resolver(false);
        edns.setIgnoreTruncation(true);
        assertThat(edns.send(q).getHeader().getFlag(Flags.TC)).as("fits in 1232 bytes").isFalse();
        assertThat(resolver(true).send(q).getSection(Section.ANSWER)).hasSize(40);
    }

    @Test
    void ednsVersionOtherThanZeroGetsBadvers() throws IOException {
        SimpleResolver r = resolver(false);
        r.setEDNS(-1, 0, 0, List.of());
        Message query = Message.newQuery(Record.newRecord(Name.fromString("api.example.test."), Type.A, DClass.IN));
        query.addRecord(new OPTRecord(1232, 0, 1, 0), Section.ADDITIONAL);
        Message response = r.send(query);
        assertThat(response.getRcode()).isEqualTo(Rcode.BADVERS);
        assertThat(response.getOPT()).extracting(OPTRecord::getVersion).isEqualTo(0);
        assertThat(response.getSection(Section.ANSWER)).isEmpty();
    }

    @Test
    void answersCarryRecordsOfTheAskedTypeOnly() throws IOException {
        Message any = ask("api.example.test", Type.ANY, false);
        assertThat(any.getSection(Section.ANSWER)).singleElement().isInstanceOf(ARecord.class);
        assertThat(ask("api.example.test", Type.MX, false).getSection(Section.ANSWER)).isEmpty();
    }
}
