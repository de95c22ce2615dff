package dev.switchboard.gateway;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandler;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;

/**
 * Thread CPU time of one proxied exchange's head path (issue 15): decode the client's request head, rewrite it for
 * the backend, encode it, decode the backend's response head, rewrite it and encode it for the client, on
 * EmbeddedChannels, with Netty's stock codecs (HttpServerCodec and HttpClientCodec, validating headers) against the
 * gateway's (ClientHttpCodec and UpstreamHttpCodec). The request is wrk's, the response nginx's, as in
 * run-gateway-bench.sh. CPU time, not wall-clock time, so other processes on the cores barely move it; best of seven
 * rounds of 200,000 exchanges after 1,000,000 to warm up. Arguments: codec sets (netty, gateway).
 */
public final class HeadPathCpuTime {

    /** wrk's request by default; {@code -Dheadpath.request=browser} sends the ten headers a browser's API call has. */
    private static final byte[] REQUEST = ("browser".equals(System.getProperty("headpath.request"))
            ? "GET /nr/items/42?expand=true HTTP/1.1\r\nHost: api.example.com\r\nUser-Agent: Mozilla/5.0 (X11; Linux x86_64) Firefox/133.0\r\n"
                    + "Accept: application/json\r\nAccept-Language: en-GB,en;q=0.5\r\nAccept-Encoding: gzip, deflate, br\r\n"
                    + "Authorization: Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0In0.abc\r\nX-Request-Id: 7f3c9a52-1b2d-4e5f-8a9b-0c1d2e3f4a5b\r\n"
                    + "Cookie: session=abc123; theme=dark\r\nConnection: keep-alive\r\n\r\n"
            : "GET / HTTP/1.1\r\nHost: 127.0.0.1:18084\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
    private static final byte[] RESPONSE = ("HTTP/1.1 200 OK\r\nServer: nginx/1.22.1\r\nDate: Tue, 01 Dec 2026 19:00:00 GMT\r\n"
            + "Content-Type: text/plain\r\nContent-Length: 10\r\nConnection: keep-alive\r\n\r\nbackend-a\n").getBytes(StandardCharsets.US_ASCII);

    private final EmbeddedChannel client;
    private final EmbeddedChannel upstream;

    private HeadPathCpuTime(Supplier<ChannelHandler> clientCodec, Supplier<ChannelHandler> upstreamCodec) {
        client = new EmbeddedChannel(clientCodec.get());
        upstream = new EmbeddedChannel(upstreamCodec.get());
    }

    private static HeadPathCpuTime of(String codecs) {
        return switch (codecs) {
            case "netty" -> new HeadPathCpuTime(() -> new HttpServerCodec(8192, 8192, 65536), () -> new HttpClientCodec(8192, 8192, 65536));
            case "gateway" -> new HeadPathCpuTime(() -> new ClientHttpCodec(8192, 8192, 65536), () -> new UpstreamHttpCodec(8192, 8192, 65536));
            default -> throw new IllegalArgumentException("codecs: netty or gateway, not " + codecs);
        };
    }

    /** One exchange; returns the bytes the client got, so nothing is optimised away. */
    private int exchange() {
        client.writeInbound(Unpooled.wrappedBuffer(REQUEST));
        HttpRequest request = client.readInbound();
        ReferenceCountUtil.release(client.readInbound());
        HeaderRewriter.rewriteRequest(request.headers(), "127.0.0.1", "http", "127.0.0.1:19001", false);
        UpstreamFraming.whole(request.headers(), 0);
        upstream.writeOutbound(request, LastHttpContent.EMPTY_LAST_CONTENT);
        int sent = drainOutbound(upstream);
        upstream.writeInbound(Unpooled.wrappedBuffer(RESPONSE));
        HttpResponse response = upstream.readInbound();
        HttpContent body = upstream.readInbound();
        HeaderRewriter.rewriteResponse(response.headers());
        client.writeOutbound(new DefaultHttpResponse(HttpVersion.HTTP_1_1, response.status(), response.headers()), body);
        return sent + drainOutbound(client);
    }

    private static int drainOutbound(EmbeddedChannel channel) {
        int bytes = 0;
        for (ByteBuf buf; (buf = channel.readOutbound()) != null; buf.release()) {
            bytes += buf.readableBytes();
        }
        return bytes;
    }

    public static void main(String[] args) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (String codecs : args.length == 0 ? new String[] {"netty", "gateway"} : args) {
            HeadPathCpuTime path = of(codecs);
            long sink = 0;
            for (int i = 0; i < 1_000_000; i++) {
                sink += path.exchange();
            }
            double best = Double.MAX_VALUE;
            for (int round = 0; round < 7; round++) {
                long start = threads.getCurrentThreadCpuTime();
                for (int i = 0; i < 200_000; i++) {
                    sink += path.exchange();
                }
                best = Math.min(best, (threads.getCurrentThreadCpuTime() - start) / 200_000.0);
            }
            System.out.printf("%-8s %7.0f ns CPU per exchange's heads (%d bytes written)%n", codecs, best, sink);
        }
    }
}
