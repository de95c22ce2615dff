package dev.switchboard.bench;

import dev.switchboard.netty.Transports;
import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import java.net.InetSocketAddress;
import java.util.List;

/**
 * The floor under the gateway's cost per request: a TCP relay on the gateway's own transport (one event loop, the
 * same buffers, Nagle off), with no HTTP at all. Each client connection gets one backend connection, the backends
 * taken in turn, and bytes are copied both ways, flushed once per read burst. What the gateway costs above this is
 * its HTTP layer; what this costs against HAProxy is the transport's. Not a proxy to use: no timeouts, no checks.
 *   TransportFloorRelay LISTEN_PORT BACKEND_PORT...
 */
public final class TransportFloorRelay {

    /** The gateway's buffers (GatewayRuntime.ALLOCATOR). */
    private static final ByteBufAllocator ALLOCATOR = PooledByteBufAllocator.DEFAULT;

    private TransportFloorRelay() {
    }

    public static void main(String[] args) throws InterruptedException {
        List<InetSocketAddress> backends = List.of(args).subList(1, args.length).stream()
                .map(port -> new InetSocketAddress("127.0.0.1", Integer.parseInt(port))).toList();
        EventLoopGroup loop = Transports.eventLoopGroup(1, "relay");
        int[] next = {0};
        Channel listener = new ServerBootstrap().group(loop).channel(Transports.serverChannelClass())
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childOption(ChannelOption.ALLOCATOR, ALLOCATOR)
                .childOption(ChannelOption.AUTO_READ, false)
                .childHandler(new ChannelInitializer<>() {
                    @Override
                    protected void initChannel(Channel client) {
                        Channel backend = connect(client, backends.get(next[0]++ % backends.size()));
                        client.pipeline().addLast(new Pipe(backend));
                    }
                })
                .bind(new InetSocketAddress("127.0.0.1", Integer.parseInt(args[0]))).sync().channel();
        System.out.println("relay on " + listener.localAddress() + " to " + backends + " (" + Transports.selected().label() + ")");
        listener.closeFuture().sync();
    }

    /** A backend connection that copies its answers to {@code client}; the client reads once it is connected. */
    private static Channel connect(Channel client, InetSocketAddress backend) {
        return new Bootstrap().group(client.eventLoop()).channel(Transports.channelClass())
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.ALLOCATOR, ALLOCATOR)
                .handler(new Pipe(client))
                .connect(backend)
                .addListener(connected -> {
                    if (connected.isSuccess()) {
                        client.config().setAutoRead(true);
                        client.read();
                    } else {
                        client.close();
                    }
                }).channel();
    }

    /** Copies what one side reads to the other, flushed once per read burst; either side closing closes both. */
    private static final class Pipe extends ChannelInboundHandlerAdapter {

        private final Channel to;

        Pipe(Channel to) {
            this.to = to;
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            to.write(msg, to.voidPromise());
        }

        @Override
        public void channelReadComplete(ChannelHandlerContext ctx) {
            to.flush();
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            to.close();
        }
    }
}
