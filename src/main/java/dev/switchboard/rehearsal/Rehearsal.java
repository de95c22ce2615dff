package dev.switchboard.rehearsal;

import dev.switchboard.config.BackendConfig;
import dev.switchboard.config.GatewayConfig;
import dev.switchboard.config.PoolMember;
import dev.switchboard.config.scenario.Scenario;
import dev.switchboard.engine.Availability;
import dev.switchboard.engine.Engine;
import dev.switchboard.engine.EngineSnapshot;
import dev.switchboard.engine.routing.RouteMatch;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Rehearses a scenario against a gateway config: the real engine (routing, pools, breakers, retry planner, probes,
 * Retry-After) on a virtual clock, fed by the scenario's request stream and answered by its simulated backends. No
 * sockets, no sleeps: an hour of traffic takes as long as its events take to handle.
 */
public final class Rehearsal {

    private Rehearsal() {
    }

    /**
     * @param config   a valid gateway config
     * @param scenario a scenario loaded for that config
     * @param apim     rehearse with APIM's semantics instead of Switchboard's ({@link ApimSemantics})
     */
    public static RehearsalResult run(GatewayConfig config, Scenario scenario, boolean apim) {
        ApimSemantics.Limited limited = apim ? ApimSemantics.apply(config) : new ApimSemantics.Limited(config, List.of());
        GatewayConfig rehearsed = inRegion(limited.config(), scenario.region());
        // Separate streams, so adding a request kind does not change which backend requests fail.
        SplittableRandom seeds = new SplittableRandom(scenario.seed());
        SplittableRandom kinds = seeds.split();
        SplittableRandom errors = seeds.split();
        VirtualTime time = new VirtualTime();
        Engine engine = new Engine(rehearsed, time, seeds.split());
        List<ScenarioRequest> requests = scenario.requests().stream().map(k -> new ScenarioRequest(k, engine, rehearsed)).toList();
        List<String> backendIds = rehearsed.backends().values().stream().filter(b -> !b.isPool()).map(BackendConfig::id).toList();
        RouteMatch firstForwarded = requests.stream().filter(ScenarioRequest::forwarded).map(ScenarioRequest::route)
                .findFirst().orElse(null);
        RehearsalRecorder recorder = new RehearsalRecorder(time, backendIds, preferred(engine, rehearsed, firstForwarded));
        engine.addListener(recorder);
        EngineDeadlines.watch(time, engine);
        RehearsalRun run = new RehearsalRun(time, rehearsed, engine, new SimulatedBackends(scenario.backends(), errors), recorder, apim);
        long end = scenario.duration().toNanos();
        VirtualProbes.start(run, end);
        time.at(0, new Arrivals(run, requests, scenario, kinds));
        time.runUntil(Long.MAX_VALUE);
        return recorder.result(apim, scenario.seed(), scenario.duration(), limited.adjustments());
    }

    private static GatewayConfig inRegion(GatewayConfig config, String region) {
        return region == null ? config : new GatewayConfig(config.gateway().withRegion(region), config.backends(),
                config.apis(), config.diagnostics(), config.admin(), config.trafficProfiles(), config.dns(), config.notifications());
    }

    /**
     * Where healthy traffic goes, with each backend's availability at the start: the best priority group of the
     * target of the first request kind that reaches a backend (every member of a pool without priorities; a single
     * backend itself). Empty when no kind reaches one: then no attempt is made either.
     */
    private static Map<String, Availability> preferred(Engine engine, GatewayConfig config, RouteMatch route) {
        Map<String, Availability> result = new LinkedHashMap<>();
        if (route == null) {
            return result;
        }
        BackendConfig target = config.backend(route.targetId());
        Map<String, Availability> now = new LinkedHashMap<>();
        for (EngineSnapshot.BackendView b : engine.snapshot().backends()) {
            now.put(b.id(), b.availability());
        }
        if (!target.isPool()) {
            result.put(target.id(), now.get(target.id()));
            return result;
        }
        List<PoolMember> members = target.pool().services();
        int best = members.stream().filter(m -> m.effectiveWeight() > 0).mapToInt(PoolMember::effectivePriority).min().orElse(1);
        for (PoolMember m : members) {
            if (m.effectivePriority() == best && m.effectiveWeight() > 0) {
                result.put(m.backendId(), now.get(m.backendId()));
            }
        }
        return result;
    }

    /** The request stream: evenly spaced arrivals, each of a kind drawn by weight. */
    private static final class Arrivals extends VirtualTime.Event {
        private final RehearsalRun run;
        private final List<ScenarioRequest> requests;
        private final int[] cumulativeWeights;
        private final SplittableRandom random;
        private final long count;
        private final double intervalNanos;
        private long sent;

        Arrivals(RehearsalRun run, List<ScenarioRequest> requests, Scenario scenario, SplittableRandom random) {
            this.run = run;
            this.requests = requests;
            this.random = random;
            this.count = scenario.requestCount();
            this.intervalNanos = 1e9 / scenario.rate();
            this.cumulativeWeights = new int[requests.size()];
            int sum = 0;
            for (int i = 0; i < requests.size(); i++) {
                sum += requests.get(i).kind().weight();
                cumulativeWeights[i] = sum;
            }
        }

        @Override
        void fire() {
            new ClientRequest(run, kind(), sent == 0).start();
            if (++sent < count) {
                run.time().at(Math.round(sent * intervalNanos), this);
            }
        }

        private ScenarioRequest kind() {
            if (requests.size() == 1) {
                return requests.getFirst();
            }
            int roll = random.nextInt(cumulativeWeights[cumulativeWeights.length - 1]);
            int i = 0;
            while (cumulativeWeights[i] <= roll) {
                i++;
            }
            return requests.get(i);
        }
    }
}
