package dev.switchboard.console.config;

import dev.switchboard.config.BackendConfig;
import dev.switchboard.config.GatewayConfig;
import dev.switchboard.config.PoolMember;
import dev.switchboard.console.feed.GatewayFrame;
import dev.switchboard.console.feed.MemberFrame;
import dev.switchboard.console.feed.OverrideFrame;
import dev.switchboard.console.feed.PoolFrame;
import dev.switchboard.console.pools.TrafficSplit;
import dev.switchboard.engine.Availability;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What an Apply will lead to on one gateway, shown before it is confirmed: the runtime overrides that keep winning over
 * the new config (as the gateway's dry run lists them) and each pool's traffic split before and with them in force.
 *
 * @param stillWinning one line per override, e.g. "weight orders/b: override 50 still wins over the config's 20"
 * @param split        one line per pool, e.g. "orders: orders-east-1 50% -> 29%, orders-east-2 50% -> 71%, ..." (without
 *                     a live frame only the share after: "orders-east-1 29%")
 */
public record ApplyPreview(List<String> stillWinning, List<String> split) {

    public ApplyPreview {
        stillWinning = List.copyOf(stillWinning);
        split = List.copyOf(split);
    }

    /**
     * @param live the gateway's latest frame, for each member's availability now (a new member counts as available);
     *             null when there is none
     */
    static ApplyPreview of(GatewayConfig draft, List<OverrideFrame> overrides, GatewayFrame live) {
        List<String> winning = overrides.stream().map(o -> o.kind() + " " + o.target() + ": override " + o.value()
                + (o.value().equals(o.configValue()) ? " equals the config's " + o.configValue()
                + " (and keeps it against later config changes)"
                : " still wins over the config's " + (o.configValue() == null ? "(none)" : o.configValue()))).toList();
        List<String> split = new ArrayList<>(draft.backends().values().stream().filter(BackendConfig::isPool)
                .map(pool -> pool.id() + ": " + shares(pool, overrides, live)).toList());
        if (live != null) {
            live.pools().stream().filter(p -> draft.backends().get(p.id()) == null || !draft.backends().get(p.id()).isPool())
                    .forEach(p -> split.add(p.id() + ": removed by this config"));
        }
        return new ApplyPreview(winning, split);
    }

    private static String shares(BackendConfig pool, List<OverrideFrame> overrides, GatewayFrame live) {
        List<MemberFrame> members = pool.pool().services().stream()
                .map(m -> member(pool.id(), m, overrides, live)).toList();
        Map<String, Double> after = TrafficSplit.of(members);
        PoolFrame now = live == null ? null
                : live.pools().stream().filter(p -> p.id().equals(pool.id())).findFirst().orElse(null);
        if (now == null) {
            return after.entrySet().stream().map(e -> e.getKey() + " " + (live == null ? "" : "new -> ") + percent(e.getValue()))
                    .collect(Collectors.joining(", "));
        }
        Map<String, Double> before = TrafficSplit.of(now.members());
        List<String> parts = new ArrayList<>();
        after.forEach((id, share) -> parts.add(id + " " + (before.containsKey(id) ? percent(before.get(id)) : "new")
                + " -> " + percent(share)));
        before.forEach((id, share) -> {
            if (!after.containsKey(id)) {
                parts.add(id + " " + percent(share) + " -> removed");
            }
        });
        return String.join(", ", parts);
    }

    private static String percent(double share) {
        return String.format(Locale.ROOT, "%.0f%%", share * 100);
    }

    private static MemberFrame member(String poolId, PoolMember m, List<OverrideFrame> overrides, GatewayFrame live) {
        int weight = value(overrides, OverrideFrame.WEIGHT, poolId, m.backendId(), m.effectiveWeight());
        int priority = value(overrides, OverrideFrame.PRIORITY, poolId, m.backendId(), m.effectivePriority());
        MemberFrame now = live == null ? null : live.pools().stream().filter(p -> p.id().equals(poolId))
                .map(PoolFrame::members).flatMap(List::stream).filter(f -> f.backendId().equals(m.backendId()))
                .findFirst().orElse(null);
        return now == null ? new MemberFrame(m.backendId(), weight, priority, Availability.AVAILABLE, "new")
                : new MemberFrame(m.backendId(), weight, priority, now.availability(), now.reason());
    }

    private static int value(List<OverrideFrame> overrides, String kind, String poolId, String backendId, int config) {
        return overrides.stream().filter(o -> o.covers(kind, poolId, backendId)).findFirst()
                .map(o -> Integer.parseInt(o.value())).orElse(config);
    }
}
