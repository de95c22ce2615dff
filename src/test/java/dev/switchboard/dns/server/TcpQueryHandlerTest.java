package dev.switchboard.dns.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.dns.TestProfiles;
import dev.switchboard.dns.TrafficProfiles;
import dev.switchboard.engine.Ticker;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.channel.embedded.EmbeddedChannel;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.Type;

/** One TCP connection's pipeline on an {@link EmbeddedChannel}, behind a peer that reads its answers only when told. */
class TcpQueryHandlerTest {

    /** Takes every write but completes it only when the test lets the peer read, like a socket whose buffer is full. */
    static final class StalledPeer extends ChannelOutboundHandlerAdapter {
        final ByteBuf received = Unpooled.buffer();
        final List<ChannelPromise> unsent = new ArrayList<>();

        @Override
        public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
            ByteBuf buf = (ByteBuf) msg;
            received.writeBytes(buf);
            buf.release();
            unsent.add(promise);
        }

        @Override
        public void flush(ChannelHandlerContext ctx) {
        }

        void readsWhatWasSent() {
            List<ChannelPromise> done = List.copyOf(unsent);
            unsent.clear();
            done.forEach(ChannelPromise::setSuccess);
        }

        List<Integer> answeredIds() throws IOException {
            List<Integer> ids = new ArrayList<>();
            ByteBuf all = received.duplicate();
            while (all.readableBytes() >= 2) {
                byte[] message = new byte[all.readUnsignedShort()];
                all.readBytes(message);
                ids.add(new Message(message).getHeader().getID());
            }
            return ids;
        }
    }

    private final StalledPeer peer = new StalledPeer();

    private EmbeddedChannel connection() {
        TrafficProfiles profiles = new TrafficProfiles(Ticker.system(), new Random(1));
        profiles.apply(TestProfiles.config("""
                { "name": "api.example.test", "endpoints": [ { "name": "east", "target": "192.0.2.1" } ] }"""));
        EmbeddedChannel ch = new EmbeddedChannel() {
            @Override
            protected SocketAddress remoteAddress0() {
                return new InetSocketAddress("127.0.0.1", 40000); // the handler reads the client's address
            }
        };
        ch.pipeline().addLast(peer);
        DnsResponder.initTcp(ch, new QueryAnswerer(profiles));
        ch.pipeline().fireChannelActive();
        return ch;
    }

    /** {@code count} queries with ids 1.., length-prefixed and back to back, as one read from the socket. */
    private static ByteBuf pipelined(int count) throws IOException {
        ByteBuf buf = Unpooled.buffer();
        for (int id = 1; id <= count; id++) {
            Message q = Message.newQuery(Record.newRecord(Name.fromString("api.example.test."), Type.A, DClass.IN));
            q.getHeader().setID(id);
            byte[] wire = q.toWire();
            buf.writeShort(wire.length).writeBytes(wire);
        }
        return buf;
    }

    @Test
    void pipelinedQueriesAreAnsweredOneAtATimeAsThePeerReadsTheAnswers() throws IOException {
        EmbeddedChannel ch = connection();
        ch.writeInbound(pipelined(50));

        assertThat(peer.answeredIds()).as("the next query waits until this answer is sent").containsExactly(1);
        peer.readsWhatWasSent();
        assertThat(peer.answeredIds()).containsExactly(1, 2);
        for (int i = 0; i < 60; i++) {
            peer.readsWhatWasSent();
        }
        assertThat(peer.answeredIds()).as("every query answered, in order").hasSize(50).isSorted();
        assertThat(ch.isOpen()).isTrue();
        ch.finishAndReleaseAll();
        peer.received.release();
    }

    @Test
    void aPeerThatNeverReadsHoldsOneAnswerWhateverItSends() throws IOException {
        EmbeddedChannel ch = connection();
        for (int i = 0; i < 20; i++) {
            ch.writeInbound(pipelined(100));
        }
        assertThat(peer.answeredIds()).containsExactly(1);
        assertThat(peer.unsent).as("the answer's length prefix and body").hasSizeLessThanOrEqualTo(2);
        ch.finishAndReleaseAll();
        peer.received.release();
    }
}
