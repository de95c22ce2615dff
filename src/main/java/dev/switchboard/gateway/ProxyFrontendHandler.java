package dev.switchboard.gateway;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.DecoderResult;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.netty.channel.socket.ChannelInputShutdownEvent;
import io.netty.util.ReferenceCountUtil;
import io.netty.channel.socket.DuplexChannel;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import java.util.ArrayDeque;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One client connection: turns each decoded request into a {@link ProxyExchange}, one at a time. Requests a client
 * pipelines behind the current one wait (and reading pauses) until the current response is done.
 */
final class ProxyFrontendHandler extends ChannelInboundHandlerAdapter {

    private static final Logger LOG = LoggerFactory.getLogger(ProxyFrontendHandler.class);

    private static final Duration LINGER = Duration.ofSeconds(2);

    private final GatewayRuntime runtime;
    private final int maxHeaderSize;
    private final ArrayDeque<HttpObject> deferred = new ArrayDeque<>();
    private ChannelHandlerContext ctx;
    private ProxyExchange current;
    /** This connection's loop's backend connections; fixed, as the connection never changes loops. */
    private UpstreamPool pool;
    private String clientIp;
    private ClientIdleTimer idleTimer;
    /** The deadlines of this connection's exchanges, one after another. */
    private DeadlineAlarm deadlineAlarm;
    /** The client half-closed (SHUT_WR): answer what it sent, then close. */
    private boolean inputShutdown;

    ProxyFrontendHandler(GatewayRuntime runtime, int maxHeaderSize) {
        this.runtime = runtime;
        this.maxHeaderSize = maxHeaderSize;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        this.ctx = ctx;
        this.pool = runtime.pool(ctx.channel().eventLoop());
        this.idleTimer = new ClientIdleTimer(ctx.channel(), GatewayChannelInitializer.CLIENT_IDLE_TIMEOUT);
        this.deadlineAlarm = new DeadlineAlarm(ctx.executor());
        if (ctx.channel().isActive()) {
            idleTimer.idle();
        }
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        idleTimer.idle();
        ctx.fireChannelActive();
    }

    UpstreamPool pool() {
        return pool;
    }

    DeadlineAlarm deadlineAlarm() {
        return deadlineAlarm;
    }

    /** The client's address for X-Forwarded-For, computed once per connection. */
    String clientIp() {
        if (clientIp == null) {
            SocketAddress remote = ctx.channel().remoteAddress();
            clientIp = remote instanceof InetSocketAddress inet ? inet.getAddress().getHostAddress() : String.valueOf(remote);
        }
        return clientIp;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (!(msg instanceof HttpObject http)) {
            ReferenceCountUtil.release(msg);
            return;
        }
        if (!deferred.isEmpty() || (current != null && current.requestComplete() && msg instanceof HttpRequest)) {
            deferred.add(http);
            ctx.channel().config().setAutoRead(false);
            return;
        }
        dispatch(http);
    }

    private void dispatch(HttpObject msg) {
        if (msg instanceof HttpRequest request) {
            idleTimer.busy();
            DecoderResult result = request.decoderResult();
            if (result.isFailure()) {
                ExchangeRecord record = refusedRecord(request, result.cause());
                ReferenceCountUtil.release(request);
                rejectUndecodable(result.cause(), record);
                return;
            }
            ExpectContinue.answer(ctx, request);
            current = new ProxyExchange(this, ctx, runtime, request);
            current.start();
            if (request instanceof LastHttpContent whole) {
                // A request without a body comes whole: its end reaches the exchange as a last part would.
                current.onRequestContent(whole);
            }
        } else if (msg instanceof HttpContent content) {
            if (current != null) {
                current.onRequestContent(content);
            } else {
                content.release();
            }
        }
    }

    /**
     * The decoder gave up on the request head, or the {@link RequestValidator} refused it; either way the rest of
     * the connection is discarded, so we answer and close.
     */
    private void rejectUndecodable(Throwable cause, ExchangeRecord record) {
        Problem problem = cause instanceof RejectedRequest rejected
                ? rejected.problem()
                : cause instanceof TooLongHttpHeaderException
                ? Problem.headerTooLarge(maxHeaderSize)
                : cause instanceof TooLongHttpLineException
                        ? Problem.malformedRequest("the request line is longer than the gateway accepts")
                        : Problem.malformedRequest(cause == null ? "unparseable" : String.valueOf(cause.getMessage()));
        LOG.debug("rejecting request from {}: {}", ctx.channel().remoteAddress(), problem.detail());
        FullHttpResponse response = ProblemResponses.render(problem, null, ctx.alloc());
        response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        if (problem.status() == 405) {
            response.headers().set(HttpHeaderNames.ALLOW, RequestValidator.ALLOWED_METHODS);
        }
        releaseDeferred();
        int bytes = response.content().readableBytes();
        ctx.writeAndFlush(response).addListener(f -> {
            if (record != null) {
                record.complete(problem.status(), bytes, ctx.executor().ticker().nanoTime());
                runtime.accessLog().offer(record);
            }
            lingeringClose();
        });
    }

    /**
     * The access-log record of a request refused before it became an exchange (one line per client request), or
     * null without a log. A head the decoder could not read has no method or target to name: they log as dashes.
     * Netty's own decoder failures keep the head it read, or its placeholder {@code GET /bad-request}.
     */
    private ExchangeRecord refusedRecord(HttpRequest request, Throwable cause) {
        if (runtime.accessLog() == null) {
            return null;
        }
        boolean parsed = !(cause instanceof RejectedRequest rejected) || rejected.headParsed();
        String uri = request.uri();
        int q = uri.indexOf('?');
        return new ExchangeRecord(Instant.now(), ctx.executor().ticker().nanoTime(), clientIp(),
                parsed ? request.method().name() : "-", parsed ? (q < 0 ? uri : uri.substring(0, q)) : "-");
    }

    /**
     * Closing with unread request bytes makes the kernel send RST, which can destroy the response before the
     * client reads it. So: send FIN, keep reading (the decoder discards), and close when the client does or after
     * {@link #LINGER}.
     */
    private void lingeringClose() {
        if (!(ctx.channel() instanceof DuplexChannel duplex) || !duplex.isActive() || inputShutdown) {
            ctx.close();
            return;
        }
        duplex.shutdownOutput();
        duplex.config().setAutoRead(true);
        ctx.executor().schedule(() -> ctx.close(), LINGER.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Called by the exchange when its response is complete and its request fully read. */
    void exchangeDone(ProxyExchange exchange, boolean keepAlive) {
        if (exchange != current) {
            return;
        }
        current = null;
        if (!keepAlive || !ctx.channel().isActive()) {
            releaseDeferred();
            ctx.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(ChannelFutureListener.CLOSE);
            return;
        }
        while (!deferred.isEmpty() && (current == null || !current.requestComplete())) {
            dispatch(deferred.poll());
        }
        if (deferred.isEmpty()) {
            ctx.channel().config().setAutoRead(true);
        }
        if (current == null && inputShutdown) {
            ctx.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(ChannelFutureListener.CLOSE);
        } else if (current == null) {
            idleTimer.idle();
        }
    }

    /** On shutdown: closes the connection now when no request is on it; otherwise its response says close. */
    void closeIfIdle() {
        if (current == null && deferred.isEmpty()) {
            ctx.close();
        }
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
        if (current != null) {
            current.onClientWritabilityChanged(ctx.channel().isWritable());
        }
        ctx.fireChannelWritabilityChanged();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        idleTimer.stop();
        releaseDeferred();
        if (current != null) {
            current.onClientClosed();
            current = null;
        }
        deadlineAlarm.stop();
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
        if (evt instanceof ChannelInputShutdownEvent) {
            // The decoder has passed on every complete request by now; they are answered before the close.
            inputShutdown = true;
            if (current == null && deferred.isEmpty()) {
                ctx.close();
            }
        } else {
            ReferenceCountUtil.release(evt);
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (cause instanceof IOException || AttemptFailure.isTls(cause)) {
            LOG.debug("client connection {} failed: {}", ctx.channel().remoteAddress(), cause.toString());
        } else {
            LOG.warn("client connection {} failed", ctx.channel().remoteAddress(), cause);
        }
        ctx.close();
    }

    private void releaseDeferred() {
        HttpObject msg;
        while ((msg = deferred.poll()) != null) {
            ReferenceCountUtil.release(msg);
        }
    }
}
