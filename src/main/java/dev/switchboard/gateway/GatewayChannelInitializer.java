package dev.switchboard.gateway;

import io.netty.channel.ChannelInitializer;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.HttpServerExpectContinueHandler;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.timeout.IdleStateHandler;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** Pipeline of a client connection: TLS when configured, HTTP/1.1 codec with the head-size limit, then the proxy. */
final class GatewayChannelInitializer extends ChannelInitializer<SocketChannel> {

    /** Idle keep-alive client connections are closed this long after their last read (no request in progress). */
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
        if (ssl != null) {
            ch.pipeline().addLast(ssl.newHandler(ch.alloc()));
        }
        ch.pipeline()
                .addLast(new ClientHttpCodec(MAX_INITIAL_LINE, maxHeaderSize, MAX_CHUNK))
                .addLast(new RequestValidator(runtime))
                .addLast(new HttpServerExpectContinueHandler())
                .addLast(new IdleStateHandler(CLIENT_IDLE_TIMEOUT.toMillis(), 0, 0, TimeUnit.MILLISECONDS))
                .addLast(new ProxyFrontendHandler(runtime, maxHeaderSize));
    }
}
