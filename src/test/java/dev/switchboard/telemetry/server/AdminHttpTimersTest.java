package dev.switchboard.telemetry.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The admin listener's HTTP-phase deadlines, in virtual time, on the pipeline's own codec and aggregator. */
class AdminHttpTimersTest {

    private EmbeddedChannel ch;

    @BeforeEach
    void channel() {
        ch = new EmbeddedChannel();
        ch.freezeTime();
        ch.pipeline().addLast(new HttpServerCodec(), new AdminHttpTimers(), new HttpObjectAggregator(1024 * 1024));
    }

    private void after(Duration d) {
        ch.advanceTimeBy(d.toNanos(), TimeUnit.NANOSECONDS);
        ch.runScheduledPendingTasks();
    }

    private void send(String text) {
        ch.writeInbound(Unpooled.copiedBuffer(text, StandardCharsets.US_ASCII));
    }

    private String written() {
        StringBuilder out = new StringBuilder();
        for (ByteBuf b; (b = ch.readOutbound()) != null; ) {
            out.append(b.toString(StandardCharsets.US_ASCII));
            b.release();
        }
        return out.toString();
    }

    private void answer() {
        FullHttpRequest request = ch.readInbound();
        request.release();
        DefaultFullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK);
        HttpUtil.setContentLength(response, 0);
        ch.writeAndFlush(response);
        written();
    }

    @Test
    void aRequestBodyThatStopsArrivingIsAnswered408AndTheConnectionCloses() {
        send("PUT /api/config HTTP/1.1\r\nHost: x\r\nContent-Length: 1000\r\n\r\n" + "x".repeat(500));
        after(AdminHttpTimers.REQUEST_TIMEOUT.minusSeconds(1));
        assertThat(ch.isOpen()).isTrue();
        after(Duration.ofSeconds(1));
        assertThat(written()).startsWith("HTTP/1.1 408");
        assertThat(ch.isOpen()).isFalse();
    }

    @Test
    void aHeadThatStopsHalfwayIsAnswered408AtTheRequestDeadline() {
        send("GET /metrics HTTP/1.1\r\nHost: x\r\nAuthoriz");
        after(AdminHttpTimers.REQUEST_TIMEOUT);
        assertThat(written()).startsWith("HTTP/1.1 408");
        assertThat(ch.isOpen()).isFalse();
    }

    @Test
    void anIdleKeepAliveConnectionIsClosedAfterTheIdleTimeout() {
        send("GET /metrics HTTP/1.1\r\nHost: x\r\n\r\n");
        // Answering takes as long as it takes: no deadline runs while the server works.
        after(AdminHttpTimers.REQUEST_TIMEOUT.multipliedBy(3));
        assertThat(ch.isOpen()).isTrue();
        answer();
        after(AdminHttpTimers.IDLE_TIMEOUT.minusSeconds(1));
        assertThat(ch.isOpen()).isTrue();
        send("GET /metrics HTTP/1.1\r\nHost: x\r\n\r\n");
        answer();
        after(AdminHttpTimers.IDLE_TIMEOUT.minusSeconds(1));
        assertThat(ch.isOpen()).as("the second request restarted the idle time").isTrue();
        after(Duration.ofSeconds(1));
        assertThat(ch.isOpen()).isFalse();
    }

    @Test
    void aConnectionThatNeverSendsIsClosedAfterTheIdleTimeout() {
        after(AdminHttpTimers.IDLE_TIMEOUT);
        assertThat(ch.isOpen()).isFalse();
    }

    @Test
    void anUpgradedConnectionOutlivesBothTimeouts() {
        send("GET /telemetry HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n\r\n");
        ((FullHttpRequest) ch.readInbound()).release();
        // What TelemetryBridge.splice does once the socket server is connected.
        ch.pipeline().remove(AdminHttpTimers.class);
        after(Duration.ofHours(3));
        assertThat(ch.isOpen()).isTrue();
    }
}
