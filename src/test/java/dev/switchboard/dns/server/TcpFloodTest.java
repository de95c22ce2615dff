package dev.switchboard.dns.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.dns.TestProfiles;
import dev.switchboard.dns.TrafficProfiles;
import dev.switchboard.engine.Ticker;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufAllocatorMetricProvider;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.Type;

/**
 * Clients over real TCP that pipeline queries for a large answer and never read: each costs the responder one
 * pending answer, and UDP and TCP queries from others are still answered.
 */
class TcpFloodTest {

    private static final int CLIENTS = 32;
    private static final int QUERIES_PER_CLIENT = 4000;
    /**
     * About 0.6 MB with the fix. Before it every client queued the answers to all the queries of a read (up to
     * 64 KiB of them): 27 MB in one run, when the event loops were not too busy to answer at all.
     */
    private static final long MAX_DIRECT_GROWTH = 8L << 20;

    TrafficProfiles profiles;
    DnsResponder responder;
    final List<SocketChannel> clients = new ArrayList<>();

    @BeforeEach
    void start() {
        profiles = new TrafficProfiles(Ticker.system(), new Random(3));
        StringBuilder endpoints = new StringBuilder();
        for (int i = 1; i <= 40; i++) {
            endpoints.append(i > 1 ? "," : "").append("{ \"name\": \"e").append(i).append("\", \"target\": \"2001:db8::").append(i).append("\" }");
        }
        profiles.apply(TestProfiles.config("""
                { "name": "api.example.test", "endpoints": [ { "name": "east", "target": "192.0.2.1" } ] },
                { "name": "big.example.test", "routing": "multivalue", "endpoints": [ %s ] }""".formatted(endpoints)));
        responder = DnsResponder.start(new InetSocketAddress("127.0.0.1", 0), profiles, 2);
    }

    @AfterEach
    void stop() throws IOException {
        for (SocketChannel c : clients) {
            c.close();
        }
        responder.close();
    }

    private static long usedDirectMemory() {
        return ((ByteBufAllocatorMetricProvider) ByteBufAllocator.DEFAULT).metric().usedDirectMemory();
    }

    private static ByteBuffer pipelinedQueries() throws IOException {
        Message q = Message.newQuery(Record.newRecord(Name.fromString("big.example.test."), Type.AAAA, DClass.IN));
        byte[] wire = q.toWire();
        ByteBuffer all = ByteBuffer.allocate(QUERIES_PER_CLIENT * (2 + wire.length));
        for (int i = 0; i < QUERIES_PER_CLIENT; i++) {
            all.putShort((short) wire.length).put(wire);
        }
        return all.flip();
    }

    private Message ask(boolean tcp) throws IOException {
        SimpleResolver r = new SimpleResolver(new InetSocketAddress("127.0.0.1", responder.port()));
        r.setTCP(tcp);
        r.setTimeout(Duration.ofSeconds(3));
        return r.send(Message.newQuery(Record.newRecord(Name.fromString("api.example.test."), Type.A, DClass.IN)));
    }

    @Test
    void clientsThatPipelineAndNeverReadCostOneAnswerEach() throws IOException {
        assertThat(ask(false).getSection(Section.ANSWER)).hasSize(1); // warms the allocator up
        long before = usedDirectMemory();
        ByteBuffer queries = pipelinedQueries();
        for (int i = 0; i < CLIENTS; i++) {
            SocketChannel c = SocketChannel.open();
            clients.add(c);
            c.setOption(StandardSocketOptions.SO_RCVBUF, 4096);
            c.connect(responder.address());
            c.configureBlocking(false);
            c.write(queries.duplicate()); // as much as the socket takes, and never a read
        }

        assertThat(ask(false).getSection(Section.ANSWER)).as("UDP").hasSize(1);
        assertThat(ask(true).getSection(Section.ANSWER)).as("TCP").hasSize(1);
        assertThat(usedDirectMemory() - before).as("direct memory the stalled clients cost").isLessThan(MAX_DIRECT_GROWTH);
    }
}
