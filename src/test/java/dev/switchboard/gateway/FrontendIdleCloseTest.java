package dev.switchboard.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.config.ConfigLoader;
import dev.switchboard.engine.Engine;
import dev.switchboard.engine.Ticker;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The client connection's idle close wired into the frontend, in virtual time: it counts from the end of the
 * last exchange, and a response on a kept-alive connection advertises the timeout.
 */
class FrontendIdleCloseTest {

    private final EmbeddedChannel channel = new EmbeddedChannel();
    private GatewayRuntime runtime;

    @AfterEach
    void close() {
        channel.finishAndReleaseAll();
        runtime.closeResolver();
    }

    @BeforeEach
    void pipeline() throws IOException {
        runtime = new GatewayRuntime(new Engine(ConfigLoader.parse("""
                { "backends": { "b": { "url": "http://127.0.0.1:9" } }, "apis": [ { "name": "nr", "path": "/nr", "backendId": "b" } ] }
                """).orThrow(), Ticker.system(), new SplittableRandom(1)), "http", null);
        channel.freezeTime();
        channel.pipeline().addLast(new ClientHttpCodec(8192, 8192, 65536), new RequestValidator(runtime),
                new ProxyFrontendHandler(runtime, 8192));
    }

    @Test
    void aConnectionWithoutRequestsClosesAfterTheTimeoutAndTheGrace() {
        advanceSeconds(75);
        assertThat(channel.isOpen()).isTrue();
        advanceSeconds(1);
        assertThat(channel.isOpen()).isFalse();
    }

    @Test
    void theIdleCloseCountsFromTheLastExchange() {
        advanceSeconds(70);
        channel.writeInbound(Unpooled.copiedBuffer("GET /nowhere HTTP/1.1\r\nHost: a\r\n\r\n", StandardCharsets.ISO_8859_1));
        String response = readOutbound();
        assertThat(response).startsWith("HTTP/1.1 404").contains("keep-alive: timeout=75");
        advanceSeconds(75);
        assertThat(channel.isOpen()).as("145 s after the connection opened, 75 s after its exchange").isTrue();
        advanceSeconds(1);
        assertThat(channel.isOpen()).isFalse();
    }

    private void advanceSeconds(long seconds) {
        channel.advanceTimeBy(seconds, TimeUnit.SECONDS);
        channel.runScheduledPendingTasks();
    }

    private String readOutbound() {
        StringBuilder out = new StringBuilder();
        for (ByteBuf buf; (buf = channel.readOutbound()) != null; buf.release()) {
            out.append(buf.toString(StandardCharsets.ISO_8859_1));
        }
        return out.toString();
    }
}
