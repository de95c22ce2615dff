package dev.switchboard.telemetry.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.config.ConfigWriter;
import dev.switchboard.config.GatewayConfig;
import dev.switchboard.gateway.ConfigSourceStatus;
import dev.switchboard.gateway.Gateway;
import dev.switchboard.telemetry.protocol.Command;
import dev.switchboard.telemetry.protocol.Protocol;
import dev.switchboard.telemetry.protocol.Reply;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The admin listener's HTTP side: {@code /healthz} without credentials; {@code /metrics}, {@code /api/state},
 * {@code /api/config} and the {@code /telemetry} upgrade with a bearer token, checked by {@link AdminGate}. Work that reads engine state or applies
 * changes runs on the admin worker, never on the event loop.
 */
final class AdminHttpHandler extends SimpleChannelInboundHandler<FullHttpRequest> {

    private static final Logger LOG = LoggerFactory.getLogger(AdminHttpHandler.class);
    private static final String JSON = "application/json";

    private final Gateway gateway;
    private final TelemetryHub hub;
    private final ControlPlane control;
    private final CommandBudgets budgets;
    private final TelemetryBridge bridge;
    private final HistoryEndpoints history;
    private final Executor worker;

    AdminHttpHandler(Gateway gateway, TelemetryHub hub, ControlPlane control,
                     CommandBudgets budgets, TelemetryBridge bridge, HistoryEndpoints history, Executor worker) {
        this.gateway = gateway;
        this.hub = hub;
        this.control = control;
        this.budgets = budgets;
        this.bridge = bridge;
        this.history = history;
        this.worker = worker;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
        QueryStringDecoder uri = new QueryStringDecoder(request.uri());
        String path = uri.path();
        boolean keepAlive = HttpUtil.isKeepAlive(request);
        if (path.equals("/healthz")) {
            ObjectNode body = Protocol.MAPPER.createObjectNode().put("status", "ok").put("gateway", gateway.config().gateway().id())
                    .put("version", gateway.engine().version());
            ConfigSourceStatus source = gateway.configSource();
            if (source != null) {
                // Still "ok": the gateway serves its last good config while the source is away; the detail says so.
                body.putObject("configSource").put("source", source.source()).put("connected", source.connected())
                        .put("detail", source.detail()).put("since", source.since().toString());
            }
            respond(ctx.channel(), HttpResponseStatus.OK, JSON, body.toString(), keepAlive);
            return;
        }
        // AdminGate checked origin and token on the head, before the body was aggregated.
        Principal principal = ctx.channel().attr(AdminGate.PRINCIPAL).get();
        if (path.equals(Protocol.PATH) && isUpgrade(request)) {
            bridge.splice(ctx, request, principal);
            return;
        }
        Channel channel = ctx.channel();
        HttpMethod method = request.method();
        switch (path) {
            case "/metrics" -> {
                String accept = request.headers().get(HttpHeaderNames.ACCEPT);
                onlyGet(channel, method, keepAlive, () -> MetricsWriter.render(gateway, accept));
            }
            case "/api/state" -> onlyGet(channel, method, keepAlive, () -> new TypedBody(JSON, json(hub.state())));
            case "/api/events" -> onlyGet(channel, method, keepAlive, () -> new TypedBody(JSON, history.events(uri)));
            case "/api/audit" -> onlyGet(channel, method, keepAlive, () -> new TypedBody(JSON, history.audit(uri)));
            case "/api/config" -> {
                if (method.equals(HttpMethod.PUT)) {
                    putConfig(channel, request, uri, principal, keepAlive);
                } else if (method.equals(HttpMethod.GET)) {
                    onWorker(channel, keepAlive, () -> getConfig(channel, principal, keepAlive));
                } else {
                    respond(channel, HttpResponseStatus.METHOD_NOT_ALLOWED, JSON, problem(method + " is not allowed here"), keepAlive);
                }
            }
            case Protocol.PATH -> respond(channel, HttpResponseStatus.BAD_REQUEST, JSON, problem("this is a WebSocket endpoint: send an upgrade request"), keepAlive);
            default -> respond(channel, HttpResponseStatus.NOT_FOUND, JSON, problem("no such endpoint: " + path), keepAlive);
        }
    }

    private void onlyGet(Channel channel, HttpMethod method, boolean keepAlive, Supplier<TypedBody> body) {
        if (!method.equals(HttpMethod.GET)) {
            respond(channel, HttpResponseStatus.METHOD_NOT_ALLOWED, JSON, problem(method + " is not allowed here"), keepAlive);
            return;
        }
        onWorker(channel, keepAlive, () -> {
            TypedBody b;
            try {
                b = body.get();
            } catch (IllegalArgumentException e) {
                respond(channel, HttpResponseStatus.BAD_REQUEST, JSON, problem(e.getMessage()), keepAlive);
                return;
            }
            respond(channel, HttpResponseStatus.OK, b.type(), b.text(), keepAlive);
        });
    }

    /** Runs {@code work} off the event loop; whatever it throws is answered with a 500, never with silence. */
    private void onWorker(Channel channel, boolean keepAlive, Runnable work) {
        worker.execute(() -> {
            try {
                work.run();
            } catch (RuntimeException e) {
                LOG.error("admin request failed", e);
                respond(channel, HttpResponseStatus.INTERNAL_SERVER_ERROR, JSON, problem("internal error: " + e), keepAlive);
            }
        });
    }

    /**
     * {@code PUT /api/config} with {@code If-Match: <version>}: the REST form of the replaceConfig command;
     * {@code ?dryRun=true} only checks it and answers what it would change.
     */
    private void putConfig(Channel channel, FullHttpRequest request, QueryStringDecoder uri, Principal principal, boolean keepAlive) {
        String ifMatch = request.headers().get(HttpHeaderNames.IF_MATCH);
        if (ifMatch == null) {
            respond(channel, HttpResponseStatus.PRECONDITION_REQUIRED, JSON,
                    problem("send If-Match: <version> with the version the new config is based on (GET /api/config gives it as ETag)"), keepAlive);
            return;
        }
        long baseVersion;
        try {
            baseVersion = Long.parseLong(ifMatch.replace("\"", "").trim());
        } catch (NumberFormatException e) {
            respond(channel, HttpResponseStatus.BAD_REQUEST, JSON, problem("If-Match must be the version number the config is based on"), keepAlive);
            return;
        }
        if (!budgets.tryTake(principal)) {
            FullHttpResponse response = response(HttpResponseStatus.TOO_MANY_REQUESTS, JSON, problem(budgets.refusal(principal)), keepAlive);
            response.headers().set(HttpHeaderNames.RETRY_AFTER, "1");
            send(channel, response, keepAlive);
            return;
        }
        String config = request.content().toString(StandardCharsets.UTF_8);
        boolean dryRun = "true".equals(uri.parameters().getOrDefault("dryRun", List.of("false")).getFirst());
        control.submit(principal, new Command.ReplaceConfig("http", baseVersion, config, dryRun)).thenAccept(reply -> {
            HttpResponseStatus status = switch (reply) {
                case Reply.Ack a -> HttpResponseStatus.OK;
                case Reply.Error e -> switch (e.code()) {
                    case STALE_VERSION -> HttpResponseStatus.CONFLICT;
                    case FORBIDDEN -> HttpResponseStatus.FORBIDDEN;
                    case INVALID_CONFIG, REJECTED -> HttpResponseStatus.UNPROCESSABLE_ENTITY;
                    default -> HttpResponseStatus.BAD_REQUEST;
                };
            };
            respond(channel, status, JSON, json(reply), keepAlive);
        });
    }

    /**
     * The running config, without its admin section (tokens are secrets) and, for viewers, without webhook secrets;
     * its version as ETag for If-Match.
     */
    private void getConfig(Channel channel, Principal principal, boolean keepAlive) {
        GatewayConfig config;
        long version;
        synchronized (gateway) {
            config = gateway.config();
            version = gateway.engine().version();
        }
        config = config.withAdmin(null);
        if (!principal.mayCommand() && config.notifications() != null) {
            config = config.withNotifications(config.notifications().withoutSecrets());
        }
        FullHttpResponse response = response(HttpResponseStatus.OK, JSON, ConfigWriter.toJson(config), keepAlive);
        response.headers().set(HttpHeaderNames.ETAG, "\"" + version + "\"");
        send(channel, response, keepAlive);
    }

    private static boolean isUpgrade(FullHttpRequest request) {
        return request.method().equals(HttpMethod.GET) && request.headers().containsValue(HttpHeaderNames.UPGRADE, HttpHeaderValues.WEBSOCKET, true);
    }

    private static String json(Object value) {
        try {
            return Protocol.MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("protocol records always serialize", e);
        }
    }

    private static String problem(String message) {
        return Protocol.MAPPER.createObjectNode().put("error", message).toString();
    }

    private static FullHttpResponse response(HttpResponseStatus status, String type, String body, boolean keepAlive) {
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status,
                Unpooled.copiedBuffer(body, StandardCharsets.UTF_8));
        response.headers().set(HttpHeaderNames.CONTENT_TYPE, type);
        HttpUtil.setContentLength(response, response.content().readableBytes());
        HttpUtil.setKeepAlive(response, keepAlive);
        return response;
    }

    /** Writes from any thread; Netty hands the write to the channel's event loop. */
    static void respond(Channel channel, HttpResponseStatus status, String type, String body, boolean keepAlive) {
        send(channel, response(status, type, body, keepAlive), keepAlive);
    }

    private static void send(Channel channel, FullHttpResponse response, boolean keepAlive) {
        channel.writeAndFlush(response).addListener(keepAlive ? ChannelFutureListener.CLOSE_ON_FAILURE : ChannelFutureListener.CLOSE);
    }

    static void respondAndClose(Channel channel, HttpResponseStatus status, String message) {
        respond(channel, status, JSON, problem(message), false);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        ctx.close();
    }
}
