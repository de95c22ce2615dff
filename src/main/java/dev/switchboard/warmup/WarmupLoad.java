package dev.switchboard.warmup;

import dev.switchboard.netty.Transports;
import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Keep-alive clients sending GETs and small POSTs, one at a time per connection, until {@code requests} are sent or
 * the deadline passes: the shape of the load a restarted gateway meets, so the JIT compiles the paths it will take.
 */
final class WarmupLoad {

    static final int CONNECTIONS = 16;
    private static final byte[] BODY = "{\"warm\":true}".getBytes(StandardCharsets.US_ASCII);
    /** Past the deadline, how long connections may take to finish their one request in flight before they are cut. */
    private static final long FINISH_GRACE_MS = 500;

    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong answered = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final long requests;
    private final long maxNanos;
    private volatile long deadlineNanos;

    /** Up to {@code requests}, for at most {@code maxNanos} from the moment {@link #drive} starts sending. */
    WarmupLoad(long requests, long maxNanos) {
        this.requests = requests;
        this.maxNanos = maxNanos;
    }

    long answered() {
        return answered.get();
    }

    long failed() {
        return failed.get();
    }

    /** Drives the gateway at {@code target}; returns once every connection is done, or cut after the deadline. */
    void drive(InetSocketAddress target) throws InterruptedException {
        deadlineNanos = System.nanoTime() + maxNanos;
        EventLoopGroup group = Transports.eventLoopGroup(1, "warmup-client");
        CountDownLatch done = new CountDownLatch(CONNECTIONS);
        try {
            Bootstrap bootstrap = new Bootstrap().group(group).channel(Transports.channelClass())
                    .option(ChannelOption.TCP_NODELAY, true)
                    .handler(new ChannelInitializer<Channel>() {
                        @Override
                        protected void initChannel(Channel ch) {
                            ch.pipeline().addLast(new HttpClientCodec(), new HttpObjectAggregator(1 << 20), new Client());
                        }
                    });
            for (int i = 0; i < CONNECTIONS; i++) {
                ChannelFuture connect = bootstrap.connect(target);
                connect.addListener(f -> {
                    if (!f.isSuccess()) {
                        failed.incrementAndGet();
                    }
                });
                connect.channel().closeFuture().addListener(f -> done.countDown());
            }
            long waitMs = TimeUnit.NANOSECONDS.toMillis(deadlineNanos - System.nanoTime()) + FINISH_GRACE_MS;
            done.await(Math.max(waitMs, 0), TimeUnit.MILLISECONDS);
        } finally {
            group.shutdownGracefully(0, 0, TimeUnit.MILLISECONDS).await(FINISH_GRACE_MS);
        }
    }

    /** Sends the next request, or closes the connection when the count or the time is up. */
    private void next(Channel ch) {
        if (System.nanoTime() - deadlineNanos >= 0 || sent.incrementAndGet() > requests) {
            ch.close();
            return;
        }
        boolean post = (sent.get() & 1) == 0;
        FullHttpRequest request = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, post ? HttpMethod.POST : HttpMethod.GET,
                "/warmup/" + (post ? "post" : "get"), post ? Unpooled.wrappedBuffer(BODY) : Unpooled.EMPTY_BUFFER);
        request.headers().set(HttpHeaderNames.HOST, "warmup").setInt(HttpHeaderNames.CONTENT_LENGTH, post ? BODY.length : 0);
        if (post) {
            request.headers().set(HttpHeaderNames.CONTENT_TYPE, "application/json");
        }
        ch.writeAndFlush(request);
    }

    private final class Client extends SimpleChannelInboundHandler<FullHttpResponse> {

        @Override
        public void channelActive(ChannelHandlerContext ctx) {
            next(ctx.channel());
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, FullHttpResponse response) {
            answered.incrementAndGet();
            if (!response.status().equals(HttpResponseStatus.OK)) {
                failed.incrementAndGet();
            }
            next(ctx.channel());
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            failed.incrementAndGet();
            ctx.close();
        }
    }
}
