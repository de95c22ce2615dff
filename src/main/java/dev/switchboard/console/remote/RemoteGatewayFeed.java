package dev.switchboard.console.remote;

import dev.switchboard.config.ConfigLoader;
import dev.switchboard.config.ConfigWriter;
import dev.switchboard.config.GatewayConfig;
import dev.switchboard.console.feed.Failures;
import dev.switchboard.console.feed.FeedListener;
import dev.switchboard.console.feed.GatewayControl;
import dev.switchboard.console.feed.GatewayFeed;
import dev.switchboard.console.feed.OverrideFrame;
import dev.switchboard.console.feed.StaleVersionException;
import dev.switchboard.engine.AdminState;
import dev.switchboard.engine.breaker.ForceAction;
import dev.switchboard.telemetry.client.CommandException;
import dev.switchboard.telemetry.client.ConnectionStatus;
import dev.switchboard.telemetry.client.GatewayModel;
import dev.switchboard.telemetry.client.TelemetryClient;
import dev.switchboard.telemetry.client.TelemetryListener;
import dev.switchboard.telemetry.protocol.Reply;
import dev.switchboard.telemetry.protocol.TelemetryEvent;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.LongFunction;
import java.util.function.Supplier;

/**
 * A gateway reached over its telemetry WebSocket: the client library keeps the live model, this turns it into
 * frames and events and sends commands with the model's version as their base.
 */
public final class RemoteGatewayFeed implements GatewayFeed, GatewayControl {

    private static final Duration HTTP_TIMEOUT = Duration.ofSeconds(10);

    private final String id;
    private final URI uri;
    private final String token;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(HTTP_TIMEOUT).build();
    private TelemetryClient client;
    // Touched on the client's thread only.
    private Map<String, ?> lastStats;
    private long statsSequence;
    private long lastStatsNanos;
    private Duration statsInterval = Duration.ofSeconds(1);

    /** @param uri {@code ws://host:port/telemetry} */
    public RemoteGatewayFeed(String id, URI uri, String token) {
        this.id = id;
        this.uri = uri;
        this.token = token;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public synchronized void start(FeedListener listener) {
        ReconnectCatchUp events = new ReconnectCatchUp(id, listener, () -> client.history());
        client = TelemetryClient.builder(uri, token).listener(new TelemetryListener() {
            @Override
            public void onSnapshot(GatewayModel model) {
                // What happened while the console was away: shown, but not as news.
                events.snapshot(model);
            }

            @Override
            public void onModel(GatewayModel model) {
                events.model(model);
                listener.frame(frame(model, client.status()));
            }

            @Override
            public void onStatus(ConnectionStatus status) {
                listener.event(TelemetryFrames.connection(id, status));
                GatewayModel model = client.model();
                if (model != null) {
                    listener.frame(frame(model, status));
                }
            }

            @Override
            public void onEvent(TelemetryEvent event, long eventId) {
                events.live(event, eventId);
            }
        }).build();
        client.start();
    }

    private dev.switchboard.console.feed.GatewayFrame frame(GatewayModel model, ConnectionStatus status) {
        if (model.stats() != lastStats) {
            long now = System.nanoTime();
            if (lastStatsNanos != 0) {
                statsInterval = Duration.ofNanos(now - lastStatsNanos);
            }
            lastStatsNanos = now;
            lastStats = model.stats();
            statsSequence++;
        }
        return TelemetryFrames.frame(id, model, status, statsSequence, statsInterval);
    }

    @Override
    public GatewayControl control() {
        return this;
    }

    @Override
    public CompletableFuture<Void> setWeight(String poolId, String backendId, int weight) {
        return send(v -> client.setWeight(v, poolId, backendId, weight));
    }

    @Override
    public CompletableFuture<Void> setPriority(String poolId, String backendId, int priority) {
        return send(v -> client.setPriority(v, poolId, backendId, priority));
    }

    @Override
    public CompletableFuture<Void> setAdminState(String backendId, AdminState state) {
        return send(v -> client.setAdminState(v, backendId, state.name()));
    }

    @Override
    public CompletableFuture<Void> forceBreaker(String backendId, ForceAction action) {
        return send(v -> client.forceBreaker(v, backendId, action.name()));
    }

    /** GET /api/config on the same host and port: the running config (without its admin section) and its version. */
    @Override
    public CompletableFuture<VersionedConfig> config() {
        URI api = URI.create("http://" + uri.getAuthority() + "/api/config");
        HttpRequest request = HttpRequest.newBuilder(api).timeout(HTTP_TIMEOUT)
                .header("Authorization", "Bearer " + token).GET().build();
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).thenApply(response -> {
            if (response.statusCode() != 200) {
                throw new IllegalStateException("GET " + api + " answered " + response.statusCode() + ": " + response.body());
            }
            long version = Long.parseLong(response.headers().firstValue("ETag").orElseThrow().replace("\"", ""));
            return new VersionedConfig(ConfigLoader.parse(response.body()).orThrow(), version);
        });
    }

    @Override
    public CompletableFuture<Long> applyConfig(GatewayConfig next, long expectedVersion) {
        return staleAware(client.replaceConfig(expectedVersion, ConfigWriter.toJson(next)), expectedVersion)
                .thenApply(Reply.Ack::version);
    }

    /** The gateway's replaceConfig dry run: checked as an apply would be, nothing applied. */
    @Override
    public CompletableFuture<List<OverrideFrame>> overridesStillWinning(GatewayConfig next, long expectedVersion) {
        return staleAware(client.replaceConfigDryRun(expectedVersion, ConfigWriter.toJson(next)), expectedVersion)
                .thenApply(ack -> ack.overridesStillWinning() == null ? List.<OverrideFrame>of()
                        : ack.overridesStillWinning().stream().map(TelemetryFrames::override).toList());
    }

    /** A refusal for a stale base version as the console's {@link StaleVersionException}; other outcomes as they are. */
    private CompletableFuture<Reply.Ack> staleAware(CompletableFuture<Reply.Ack> command, long expectedVersion) {
        return command.handle((ack, error) -> {
            if (error == null) {
                return ack;
            }
            Throwable cause = Failures.cause(error);
            if (cause instanceof CommandException c && c.code() == Reply.ErrorCode.STALE_VERSION) {
                GatewayModel model = client.model();
                throw new StaleVersionException(id, expectedVersion, model == null ? -1 : model.version());
            }
            throw cause instanceof RuntimeException r ? r : new CompletionException(cause);
        });
    }

    @Override
    public CompletableFuture<Void> clearOverride(OverrideFrame override) {
        return send(v -> client.clearOverride(v, override.kind(), override.pool(), override.backend()));
    }

    @Override
    public CompletableFuture<Void> clearOverrides() {
        return send(client::clearOverrides);
    }

    @Override
    public CompletableFuture<List<String>> disableEndpoint(String profile, String endpoint) {
        return dns(() -> client.dnsDisableEndpoint(profile, endpoint));
    }

    @Override
    public CompletableFuture<List<String>> enableEndpoint(String profile, String endpoint) {
        return dns(() -> client.dnsEnableEndpoint(profile, endpoint));
    }

    @Override
    public CompletableFuture<List<String>> failOverTo(String profile, String endpoint) {
        return dns(() -> client.dnsFailOverTo(profile, endpoint));
    }

    @Override
    public CompletableFuture<List<String>> clearFailover(String profile) {
        return dns(() -> client.dnsClearFailover(profile));
    }

    /** DNS actions carry no base version: each states its result; the ack says what the profile answers now. */
    private static CompletableFuture<List<String>> dns(Supplier<CompletableFuture<Reply.Ack>> command) {
        return command.get().thenApply(ack -> ack.answer() == null ? List.of() : ack.answer());
    }

    /** Sends a change based on the version the console shows; the gateway refuses it if that is stale. */
    private CompletableFuture<Void> send(LongFunction<CompletableFuture<Reply.Ack>> command) {
        GatewayModel model = client.model();
        if (model == null) {
            return CompletableFuture.failedFuture(
                    new IllegalStateException("gateway '" + id + "' has not sent its state yet"));
        }
        return command.apply(model.version()).thenApply(ack -> null);
    }

    @Override
    public synchronized void close() {
        if (client != null) {
            client.close();
        }
        http.close();
    }
}
