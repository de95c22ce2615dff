package dev.switchboard.dns.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.LengthFieldBasedFrameDecoder;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The TCP query window in virtual time: only complete queries keep a connection open, not trickled bytes. */
class TcpQueryDeadlineTest {

    private static EmbeddedChannel connection() {
        EmbeddedChannel ch = new EmbeddedChannel();
        ch.freezeTime();
        ch.pipeline().addLast(new LengthFieldBasedFrameDecoder(QueryAnswerer.TCP_PAYLOAD, 0, 2, 0, 2),
                new TcpQueryDeadline(DnsResponder.TCP_QUERY_WINDOW));
        ch.pipeline().fireChannelActive();
        return ch;
    }

    private static void send(EmbeddedChannel ch, int... bytes) {
        ByteBuf buf = Unpooled.buffer();
        for (int b : bytes) {
            buf.writeByte(b);
        }
        ch.writeInbound(buf);
    }

    private static void advance(EmbeddedChannel ch, long seconds) {
        ch.advanceTimeBy(seconds, TimeUnit.SECONDS);
        ch.runScheduledPendingTasks();
    }

    @Test
    void aQueryTrickledAByteAtATimeIsCutOffAtTheWindowAfterTheConnectionOpened() {
        EmbeddedChannel ch = connection();
        // Announces 4,096 bytes, then one every 4 s: each would have reset an idle timer.
        send(ch, 0x10, 0x00);
        for (int i = 0; i < 2; i++) {
            advance(ch, 4);
            send(ch, 0x00);
        }
        assertThat(ch.isOpen()).isTrue();
        advance(ch, 3);
        assertThat(ch.isOpen()).as("open 11 s without a complete query").isFalse();
    }

    @Test
    void eachCompleteQueryStartsANewWindow() {
        EmbeddedChannel ch = connection();
        for (int i = 0; i < 3; i++) {
            advance(ch, 9);
            send(ch, 0x00, 0x01, 0x2a);
            assertThat(ch.<ByteBuf>readInbound().release()).isTrue();
        }
        assertThat(ch.isOpen()).isTrue();
        advance(ch, 10);
        assertThat(ch.isOpen()).isFalse();
    }
}
