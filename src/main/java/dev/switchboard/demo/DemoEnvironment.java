package dev.switchboard.demo;

import dev.switchboard.config.GatewayConfig;
import dev.switchboard.gateway.Gateway;
import dev.switchboard.sim.SimBackend;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The self-contained demo: a simulated backend for every single backend of the demo config, a real gateway in
 * front of them, and live traffic through it. Everything listens on loopback; the simulators on free ports.
 */
public final class DemoEnvironment implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DemoEnvironment.class);
    /** Where the DNS profile's endpoints (and so the simulators they monitor) are, as in the demo config. */
    private static final String EAST_TARGET = "127.0.0.11";
    private static final String WEST_TARGET = "127.0.0.21";

    private final Map<String, SimBackend> backends;
    private final Gateway gateway;
    private final TrafficGenerator traffic;

    private DemoEnvironment(Map<String, SimBackend> backends, Gateway gateway, TrafficGenerator traffic) {
        this.backends = Collections.unmodifiableMap(backends);
        this.gateway = gateway;
        this.traffic = traffic;
    }

    /**
     * Starts the demo with traffic at {@code ratePerSecond} (0 = quiet until {@link TrafficGenerator#setRate}), the
     * gateway on the demo config's address when it is free.
     */
    public static DemoEnvironment start(double ratePerSecond) {
        return start(ratePerSecond, null);
    }

    /** As {@link #start(double)}, with the gateway on {@code listen} (port 0: any free port) unless it is null. */
    public static DemoEnvironment start(double ratePerSecond, InetSocketAddress listen) {
        GatewayConfig template = DemoConfig.load();
        Map<String, SimBackend> sims = new LinkedHashMap<>();
        Gateway gateway = null;
        try {
            int monitored = startProfileTargets(sims);
            template.backends().values().stream().filter(b -> !b.isPool() && !sims.containsKey(b.id())).forEach(b -> {
                SimBackend sim = new SimBackend(b.id());
                sims.put(b.id(), sim);
                sim.start(new InetSocketAddress("127.0.0.1", 0));
            });
            GatewayConfig config = DemoConfig.withMonitorPort(DemoConfig.withUrls(template,
                    id -> "http://" + sims.get(id).address().getAddress().getHostAddress() + ":" + sims.get(id).port()), monitored);
            gateway = startGateway(config, listen);
            TrafficGenerator traffic = TrafficGenerator.towards(config, gateway.port(), ratePerSecond);
            traffic.start();
            Map<String, SimBackend> inConfigOrder = new LinkedHashMap<>();
            config.backends().values().stream().filter(b -> !b.isPool()).forEach(b -> inConfigOrder.put(b.id(), sims.get(b.id())));
            return new DemoEnvironment(inConfigOrder, gateway, traffic);
        } catch (RuntimeException e) {
            if (gateway != null) {
                gateway.close(Duration.ZERO);
            }
            sims.values().forEach(SimBackend::close);
            throw e;
        }
    }

    /**
     * orders-east-1 on 127.0.0.11 and orders-west-1 on 127.0.0.21, one port for both since a profile's monitor probes
     * one port: the DNS profile's endpoints. A port free on the first address may be taken on the second; then another.
     *
     * @return the port both listen on
     */
    private static int startProfileTargets(Map<String, SimBackend> sims) {
        for (int attempt = 1; ; attempt++) {
            SimBackend east = new SimBackend("orders-east-1");
            east.start(new InetSocketAddress(EAST_TARGET, 0));
            SimBackend west = new SimBackend("orders-west-1");
            try {
                west.start(new InetSocketAddress(WEST_TARGET, east.port()));
            } catch (RuntimeException e) {
                east.close();
                if (attempt == 5 || !causeChainHas(e, BindException.class)) {
                    throw e;
                }
                continue;
            }
            sims.put(east.name(), east);
            sims.put(west.name(), west);
            return east.port();
        }
    }

    /**
     * On the configured addresses when they are free (so operators can curl and dig known ports), else on free ports:
     * the gateway's own when {@code listen} is null, the DNS responder's always.
     */
    private static Gateway startGateway(GatewayConfig config, InetSocketAddress listen) {
        try {
            return listen == null ? Gateway.start(config) : Gateway.start(config, listen);
        } catch (RuntimeException e) {
            if (!(causeChainHas(e, BindException.class))) {
                throw e;
            }
            LOG.info("demo gateway address {} or dns address {} is taken; using free ports instead", config.gateway().listen(),
                    config.dns().listen());
            return Gateway.start(config.withDns(config.trafficProfiles(), config.dns().withListen("127.0.0.1:0")),
                    listen == null ? new InetSocketAddress("127.0.0.1", 0) : listen);
        }
    }

    private static boolean causeChainHas(Throwable t, Class<? extends Throwable> type) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (type.isInstance(c)) {
                return true;
            }
        }
        return false;
    }

    public Gateway gateway() {
        return gateway;
    }

    /** The simulators by backend id, in config order: drills change their behaviour. */
    public Map<String, SimBackend> backends() {
        return backends;
    }

    public TrafficGenerator traffic() {
        return traffic;
    }

    @Override
    public void close() {
        traffic.close();
        gateway.close(Duration.ofSeconds(2));
        backends.values().forEach(SimBackend::close);
    }
}
