package dev.switchboard.telemetry.server;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOption;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Hands an authenticated WebSocket upgrade from the admin listener (Netty) to the telemetry socket server
 * (Java-WebSocket) on its private loopback port, then relays bytes both ways. This keeps one public port for REST and
 * the stream, while the WebSocket protocol itself is Java-WebSocket's. The relay applies backpressure, and the
 * console's socket writability reaches its session through {@link ConsoleLinks}.
 */
final class TelemetryBridge {

    private final InetSocketAddress target;
    private final String secret;
    private final ConsoleLinks links;

    TelemetryBridge(InetSocketAddress target, String secret, ConsoleLinks links) {
        this.target = target;
        this.secret = secret;
        this.links = links;
    }

    void splice(ChannelHandlerContext ctx, FullHttpRequest request, Principal principal) {
        Channel client = ctx.channel();
        client.config().setAutoRead(false);
        String link = links.register(client);
        ByteBuf head = Unpooled.copiedBuffer(requestHead(request, principal, link, client), StandardCharsets.ISO_8859_1);
        ChannelFuture connect = new Bootstrap()
                .group(client.eventLoop())
                .channel(AdminTransport.CHANNEL)
                .option(ChannelOption.TCP_NODELAY, true)
                .handler(new Relay(client))
                .connect(target);
        connect.addListener(f -> {
            if (!f.isSuccess()) {
                head.release();
                AdminHttpHandler.respondAndClose(client, HttpResponseStatus.SERVICE_UNAVAILABLE, "telemetry server unavailable");
                return;
            }
            Channel inner = connect.channel();
            ChannelPipeline pipeline = client.pipeline();
            pipeline.addLast(new Relay(inner));
            pipeline.remove(AdminHttpHandler.class);
            pipeline.remove(AdminGate.class);
            // A console stays connected for hours: the HTTP-phase deadlines end with the upgrade.
            pipeline.remove(AdminHttpTimers.class);
            pipeline.remove(HttpObjectAggregator.class);
            pipeline.remove(HttpServerCodec.class);
            inner.writeAndFlush(head);
            client.config().setAutoRead(true);
        });
    }

    /** The upgrade request as the socket server gets it: credentials removed, the principal added. */
    private String requestHead(FullHttpRequest request, Principal principal, String link, Channel client) {
        StringBuilder head = new StringBuilder(512);
        head.append("GET ").append(new QueryStringDecoder(request.uri()).path()).append(" HTTP/1.1\r\n");
        for (Map.Entry<String, String> h : request.headers()) {
            String name = h.getKey();
            if (!name.equalsIgnoreCase(HttpHeaderNames.AUTHORIZATION.toString()) && !name.regionMatches(true, 0, "X-Switchboard-", 0, 14)
                    && !name.equalsIgnoreCase(TelemetrySocketServer.FORWARDED_FOR_HEADER)) {
                head.append(name).append(": ").append(h.getValue()).append("\r\n");
            }
        }
        head.append(TelemetrySocketServer.BRIDGE_HEADER).append(": ").append(secret).append("\r\n");
        head.append(TelemetrySocketServer.NAME_HEADER).append(": ").append(TelemetrySocketServer.encodeName(principal.name())).append("\r\n");
        head.append(TelemetrySocketServer.ROLE_HEADER).append(": ").append(principal.role().name()).append("\r\n");
        head.append(TelemetrySocketServer.LINK_HEADER).append(": ").append(link).append("\r\n");
        InetSocketAddress remote = (InetSocketAddress) client.remoteAddress();
        head.append(TelemetrySocketServer.FORWARDED_FOR_HEADER).append(": ").append(remote.getAddress().getHostAddress())
                .append(':').append(remote.getPort()).append("\r\n");
        return head.append("\r\n").toString();
    }
}
