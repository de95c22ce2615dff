package dev.switchboard.gateway;

import dev.switchboard.config.ConfigLoader;
import dev.switchboard.engine.Engine;
import dev.switchboard.engine.Ticker;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandler;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.util.ReferenceCountUtil;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Cost of the strict request checks (issue 11) per request head: Netty's HttpServerCodec as before, against the
 * ClientHttpCodec (raw fold scan) and the codec plus the RequestValidator, on a typical 9-header GET head (with
 * a dot-segment path for the normalising case), each answered with an empty 204 so the codecs' request/response
 * pairing stays bounded. EmbeddedChannel and response encoding are common to all three.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Thread)
public class RequestHeadBenchmark {

    @Param({"netty", "strict", "strict+validator"})
    public String pipeline;

    @Param({"/nr/items/42?expand=true", "/nr/items/../42?expand=true"})
    public String target;

    private EmbeddedChannel channel;
    private GatewayRuntime runtime;
    private ByteBuf head;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        runtime = new GatewayRuntime(new Engine(ConfigLoader.parse("""
                { "backends": { "b": { "url": "http://127.0.0.1:9" } }, "apis": [ { "name": "nr", "path": "/nr", "backendId": "b" } ] }
                """).orThrow(), Ticker.system(), new SplittableRandom(1)), "http", null);
        ChannelHandler[] handlers = switch (pipeline) {
            case "netty" -> new ChannelHandler[] {new HttpServerCodec(8192, 8192, 65536)};
            case "strict" -> new ChannelHandler[] {new ClientHttpCodec(8192, 8192, 65536)};
            default -> new ChannelHandler[] {new ClientHttpCodec(8192, 8192, 65536), new RequestValidator(runtime)};
        };
        channel = new EmbeddedChannel(handlers);
        head = Unpooled.unreleasableBuffer(Unpooled.directBuffer().writeBytes(("GET " + target + " HTTP/1.1\r\n"
                + "Host: api.example.com\r\nUser-Agent: bench/1.0\r\nAccept: application/json\r\nAccept-Encoding: gzip, br\r\n"
                + "Accept-Language: en-GB,en;q=0.9\r\nAuthorization: Bearer abcdefghijklmnopqrstuvwxyz0123456789\r\n"
                + "X-Request-Id: 0f8fad5b-d9cb-469f-a165-70867728950e\r\nCookie: session=abc123; theme=dark\r\n"
                + "Connection: keep-alive\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1)));
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        channel.finishAndReleaseAll();
        runtime.closeResolver();
    }

    /** The head is decoded, then answered with an empty response (both codecs pair requests with responses). */
    @Benchmark
    public Object decodeOneHead() {
        channel.writeInbound(head.duplicate());
        Object request = channel.readInbound();
        ReferenceCountUtil.release(channel.readInbound());
        channel.writeOutbound(new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.NO_CONTENT));
        ReferenceCountUtil.release(channel.readOutbound());
        return request;
    }
}
