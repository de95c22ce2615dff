package dev.switchboard.dns.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.dns.TestProfiles;
import dev.switchboard.dns.TrafficProfiles;
import dev.switchboard.engine.Ticker;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.channels.DatagramChannel;
import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.Type;

/**
 * Which UDP port the responder may take. Linux lets sockets of one user that all set SO_REUSEPORT share a port, and
 * spreads datagrams over them: a responder joining a socket it does not own (another process's, or one still
 * closing) would lose the queries the kernel hands that socket.
 */
class DnsResponderPortTest {

    private final TrafficProfiles profiles = profiles();

    private static TrafficProfiles profiles() {
        TrafficProfiles p = new TrafficProfiles(Ticker.system(), new Random(3));
        p.apply(TestProfiles.config("{ \"name\": \"api.example.test\", \"endpoints\": [ { \"name\": \"a\", \"target\": \"192.0.2.1\" } ] }"));
        return p;
    }

    @Test
    void aPortWhoseUdpAnotherReusePortSocketHoldsIsInUseEvenWhenItsTcpIsFree() throws Exception {
        try (DatagramChannel stranger = DatagramChannel.open()) {
            stranger.setOption(StandardSocketOptions.SO_REUSEPORT, true);
            stranger.bind(new InetSocketAddress("127.0.0.1", 0));
            InetSocketAddress held = (InetSocketAddress) stranger.getLocalAddress();

            assertThatThrownBy(() -> DnsResponder.start(held, profiles, 2).close())
                    .isInstanceOf(UncheckedIOException.class)
                    .cause().isInstanceOf(BindException.class)
                    .hasMessageContaining("cannot listen on").hasMessageContaining(String.valueOf(held.getPort()));
        }
    }

    @Test
    void aClosedResponderLeavesItsPortFreeForTheNextOneWhichAnswersEveryQuery() throws Exception {
        InetSocketAddress address;
        try (DnsResponder first = DnsResponder.start(new InetSocketAddress("127.0.0.1", 0), profiles, 2)) {
            address = first.address();
        }
        try (DnsResponder second = DnsResponder.start(address, profiles, 2)) {
            SimpleResolver resolver = new SimpleResolver(address);
            resolver.setTimeout(Duration.ofSeconds(3));
            // Many queries, each from its own source port: the kernel spreads them over every socket on the port.
            for (int i = 0; i < 40; i++) {
                Message answer = resolver.send(Message.newQuery(Record.newRecord(Name.fromString("api.example.test."), Type.A, DClass.IN)));
                assertThat(answer.getRcode()).isZero();
            }
        }
    }
}
