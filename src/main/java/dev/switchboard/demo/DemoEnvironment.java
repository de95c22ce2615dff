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
            template.backends().values().stream().filter(b -> !b.isPool()).forEach(b -> {
                SimBackend sim = new SimBackend(b.id());
                sims.put(b.id(), sim);
                sim.start(new InetSocketAddress("127.0.0.1", 0));
            });
            GatewayConfig config = DemoConfig.withUrls(template, id -> "http://127.0.0.1:" + sims.get(id).port());
            gateway = listen == null ? startGateway(config) : Gateway.start(config, listen);
            TrafficGenerator traffic = TrafficGenerator.towards(config, gateway.port(), ratePerSecond);
            traffic.start();
            return new DemoEnvironment(sims, gateway, traffic);
        } catch (RuntimeException e) {
            if (gateway != null) {
                gateway.close(Duration.ZERO);
            }
            sims.values().forEach(SimBackend::close);
            throw e;
        }
    }

    /** On the config's address when it is free (so operators can curl a known port), else on any free port. */
    private static Gateway startGateway(GatewayConfig config) {
        try {
            return Gateway.start(config);
        } catch (RuntimeException e) {
            if (!(causeChainHas(e, BindException.class))) {
                throw e;
            }
            LOG.info("demo gateway address {} is taken; using a free port instead", config.gateway().listen());
            return Gateway.start(config, new InetSocketAddress("127.0.0.1", 0));
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
