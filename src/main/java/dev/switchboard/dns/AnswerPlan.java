package dev.switchboard.dns;

import dev.switchboard.config.DnsNames;
import dev.switchboard.config.RoutingMethod;
import dev.switchboard.config.TrafficEndpoint;
import dev.switchboard.config.TrafficProfileConfig;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * What a profile answers while its endpoints' statuses stay as they are: built once per change, then read by every
 * query without locks and, except for drawing a weighted endpoint, without work. Answers are prebuilt lists.
 *
 * <p>Rules (Traffic Manager): endpoints that serve (ONLINE, CHECKING) are ranked by priority, an operator's
 * fail-over target first; when none serves but some are DEGRADED, the degraded ones stand in for them. A profile that
 * is disabled, or whose endpoints are all disabled, does not exist (NXDOMAIN).
 */
final class AnswerPlan {

    /** Ranks endpoints: the operator's promoted one, then by priority, then in file order. */
    interface Ranking {
        MonitorStatus status(TrafficEndpoint endpoint);

        int effectivePriority(TrafficEndpoint endpoint);
    }

    private final RoutingMethod routing;
    private final boolean exists;
    /** Every target any query may get now, in rank order: the profile's current answer as shown to operators. */
    private final List<Target> candidates;
    private final List<Target> fixed;
    /** Weighted routing: per record type, the endpoints with a record of that type, so no draw ends in no data. */
    private final Map<RecordType, WeightedTable> weighted;
    private final RegionMap regions;
    private final Map<String, List<Target>> byRegion;

    private AnswerPlan(RoutingMethod routing, boolean exists, List<Target> candidates, List<Target> fixed,
                       Map<RecordType, WeightedTable> weighted, RegionMap regions, Map<String, List<Target>> byRegion) {
        this.routing = routing;
        this.exists = exists;
        this.candidates = candidates;
        this.fixed = fixed;
        this.weighted = weighted;
        this.regions = regions;
        this.byRegion = byRegion;
    }

    static AnswerPlan of(TrafficProfileConfig config, Ranking ranking) {
        List<TrafficEndpoint> enabled = config.endpoints().stream()
                .filter(e -> ranking.status(e) != MonitorStatus.DISABLED && ranking.status(e) != MonitorStatus.STOPPED).toList();
        List<TrafficEndpoint> serving = enabled.stream().filter(e -> ranking.status(e).serves()).toList();
        List<TrafficEndpoint> ranked = new ArrayList<>(serving.isEmpty() ? enabled : serving);
        ranked.sort(Comparator.comparingInt(ranking::effectivePriority));
        boolean exists = config.enabled() && !enabled.isEmpty();
        List<Target> targets = ranked.stream().map(AnswerPlan::target).toList();
        return switch (config.routing()) {
            case PRIORITY -> fixed(config.routing(), exists, targets.isEmpty() ? List.of() : targets.subList(0, 1));
            case MULTIVALUE -> fixed(config.routing(), exists,
                    config.maxReturn() == null ? targets : targets.subList(0, Math.min(config.maxReturn(), targets.size())));
            case WEIGHTED -> weighted(exists, ranked, targets);
            case GEOGRAPHIC -> geographic(config, exists, ranked);
        };
    }

    private static AnswerPlan fixed(RoutingMethod routing, boolean exists, List<Target> answer) {
        List<Target> copy = List.copyOf(answer);
        return new AnswerPlan(routing, exists, copy, copy, null, null, null);
    }

    /**
     * A table per record type: an A query draws among the IPv4 and host-name endpoints only, with their weights as
     * configured, so a profile mixing IPv4 and IPv6 endpoints answers every A and AAAA query.
     */
    private static AnswerPlan weighted(boolean exists, List<TrafficEndpoint> ranked, List<Target> targets) {
        Map<RecordType, WeightedTable> tables = new EnumMap<>(RecordType.class);
        for (RecordType type : RecordType.values()) {
            List<Target> answering = new ArrayList<>();
            List<Integer> weights = new ArrayList<>();
            for (int i = 0; i < targets.size(); i++) {
                if (type.answeredBy(targets.get(i))) {
                    answering.add(targets.get(i));
                    weights.add(ranked.get(i).weight());
                }
            }
            tables.put(type, new WeightedTable(answering, weights));
        }
        return new AnswerPlan(RoutingMethod.WEIGHTED, exists, targets, List.of(), tables, null, null);
    }

    /** Per region, the best-ranked endpoint of that region; clients of a region without one get the world's. */
    private static AnswerPlan geographic(TrafficProfileConfig config, boolean exists, List<TrafficEndpoint> ranked) {
        Map<String, List<Target>> byRegion = new HashMap<>();
        LinkedHashSet<Target> candidates = new LinkedHashSet<>();
        for (TrafficEndpoint e : ranked) {
            if (!byRegion.containsKey(e.region())) {
                byRegion.put(e.region(), List.of(target(e)));
                candidates.add(target(e));
            }
        }
        List<Target> world = byRegion.getOrDefault(TrafficProfileConfig.WORLD, List.of());
        for (String region : config.regions().keySet()) {
            byRegion.putIfAbsent(region, world);
        }
        return new AnswerPlan(RoutingMethod.GEOGRAPHIC, exists, List.copyOf(candidates), List.of(), null,
                new RegionMap(config.regions()), Map.copyOf(byRegion));
    }

    private static Target target(TrafficEndpoint e) {
        InetAddress address = DnsNames.address(e.target());
        return new Target(e.name(), e.target(), address);
    }

    /** False when the name should not exist (NXDOMAIN): the profile or all its endpoints are disabled. */
    boolean exists() {
        return exists;
    }

    List<Target> candidates() {
        return candidates;
    }

    /**
     * The answer for one query of {@code type} from {@code client}; empty means no data for this client. It may hold
     * targets without a record of {@code type}, except under weighted routing, which draws only among those with one.
     */
    List<Target> select(InetAddress client, RecordType type, RandomGenerator random) {
        return switch (routing) {
            case PRIORITY, MULTIVALUE -> fixed;
            case WEIGHTED -> weighted.get(type).draw(random);
            case GEOGRAPHIC -> byRegion.getOrDefault(regions.regionOf(client, TrafficProfileConfig.WORLD), List.of());
        };
    }

    /** Whether a query could now get a different answer than under {@code other}. */
    boolean sameAnswer(AnswerPlan other) {
        return other != null && exists == other.exists && candidates.equals(other.candidates);
    }
}
