package dev.switchboard.gateway;

import dev.switchboard.config.EndpointMonitorConfig;
import dev.switchboard.config.MonitorProtocol;
import dev.switchboard.config.TlsConfig;
import dev.switchboard.dns.EndpointProber;
import dev.switchboard.dns.ProbeResult;
import dev.switchboard.dns.ProbeTask;
import dev.switchboard.engine.routing.BackendUrl;
import dev.switchboard.netty.Transports;
import io.netty.bootstrap.Bootstrap;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The real monitor probes of traffic-profile endpoints, on the gateway's event loops: an HTTP(S) GET of the monitor
 * path (certificates are not checked, as Traffic Manager does not) or a TCP connect, each within the timeout.
 */
final class EndpointProbes implements EndpointProber {

    /** Traffic Manager's monitors accept any certificate; an endpoint's health is not its certificate's. */
    private static final TlsConfig UNCHECKED = new TlsConfig(false, false);

    private final EventLoopGroup group;
    private final GatewayRuntime runtime;

    EndpointProbes(EventLoopGroup group, GatewayRuntime runtime) {
        this.group = group;
        this.runtime = runtime;
    }

    @Override
    public CompletionStage<ProbeResult> probe(ProbeTask task) {
        CompletableFuture<ProbeResult> result = new CompletableFuture<>();
        EventLoop loop = group.next();
        EndpointMonitorConfig monitor = task.monitor();
        loop.execute(() -> {
            if (monitor.protocol().isHttp()) {
                boolean https = monitor.protocol() == MonitorProtocol.HTTPS;
                String host = task.target().contains(":") ? "[" + task.target() + "]" : task.target();
                BackendUrl url = BackendUrl.parse((https ? "https://" : "http://") + host + ":" + monitor.port());
                new HttpProbe(loop, runtime, new UpstreamKey(url.host(), url.port(), https ? UNCHECKED : null), url, monitor.path(),
                        monitor.timeout(), monitor.expectedStatusCodeRanges(), "switchboard-endpoint-monitor", result::complete).start();
            } else {
                connect(loop, runtime, task, result);
            }
        });
        return result;
    }

    private static void connect(EventLoop loop, GatewayRuntime runtime, ProbeTask task, CompletableFuture<ProbeResult> result) {
        ChannelFuture connect = new Bootstrap()
                .group(loop)
                .channel(Transports.channelClass())
                .resolver(runtime.resolver())
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) Math.max(1, task.monitor().timeout().toMillis()))
                .handler(new ChannelInboundHandlerAdapter())
                .connect(task.target(), task.monitor().port());
        connect.addListener(f -> {
            if (f.isSuccess()) {
                connect.channel().close();
                result.complete(new ProbeResult(true, "connected to port " + task.monitor().port()));
            } else {
                result.complete(new ProbeResult(false, "cannot connect to port " + task.monitor().port() + ": " + f.cause().getMessage()));
            }
        });
    }
}
