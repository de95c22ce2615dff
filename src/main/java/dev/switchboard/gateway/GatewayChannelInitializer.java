package dev.switchboard.gateway;

import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.ssl.SslContext;
import java.time.Duration;

/**
 * Pipeline of a client connection: TLS when configured, the strict HTTP/1.1 codec with the head-size limit (its
 * encoder advertises Keep-Alive), the request validator, then the proxy.
 */
final class GatewayChannelInitializer extends ChannelInitializer<SocketChannel> {

    /**
     * Idle keep-alive client connections are closed this long after their last exchange (plus
     * {@link ClientIdleTimer#GRACE}), never with a request in flight; responses advertise it in Keep-Alive.
     */
    static final Duration CLIENT_IDLE_TIMEOUT = Duration.ofSeconds(75);
    private static final int MAX_INITIAL_LINE = 8192;
    private static final int MAX_CHUNK = 64 * 1024;

    private final GatewayRuntime runtime;
    private final int maxHeaderSize;
    private final ChannelGroup clients;
    /** Null for plain HTTP. */
    private final SslContext ssl;

    GatewayChannelInitializer(GatewayRuntime runtime, int maxHeaderSize, ChannelGroup clients, SslContext ssl) {
        this.runtime = runtime;
        this.maxHeaderSize = maxHeaderSize;
        this.clients = clients;
        this.ssl = ssl;
    }

    @Override
    protected void initChannel(SocketChannel ch) {
        clients.add(ch);
        // A client that shuts down its write side after its request still reads the response (issue 11 finding 4).
        ch.config().setOption(ChannelOption.ALLOW_HALF_CLOSURE, true);
        ch.pipeline().addLast(HalfCloseReadGuard.INSTANCE);
        if (ssl != null) {
            ch.pipeline().addLast(ssl.newHandler(ch.alloc()));
        }
        ch.pipeline()
                .addLast(new ClientHttpCodec(MAX_INITIAL_LINE, maxHeaderSize, MAX_CHUNK))
                .addLast(new RequestValidator(runtime))
                .addLast(new ProxyFrontendHandler(runtime, maxHeaderSize));
    }
}
