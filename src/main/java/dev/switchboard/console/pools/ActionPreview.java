package dev.switchboard.console.pools;

import dev.switchboard.console.feed.MemberFrame;
import dev.switchboard.engine.AdminState;
import dev.switchboard.engine.Availability;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What a dangerous card action would do to the traffic split, for the confirmation an operator sees first: the
 * gateway, the action, and every affected pool member's share before and after.
 *
 * @param header "On embedded: Disable orders-east-1"
 * @param lines  "orders: orders-east-1 50% → 0%", one per member of every pool the backend is in
 */
public record ActionPreview(String header, List<String> lines) {

    public ActionPreview {
        lines = List.copyOf(lines);
    }

    /**
     * The preview of taking {@code backendId} out of the split as {@code after} (DISABLED, UNAVAILABLE_FORCED, ...),
     * or null when the action is not dangerous: draining is, only when it drains the last member a pool could pick.
     */
    public static ActionPreview of(String gatewayId, String action, String backendId, Availability after,
                                   List<PoolModel> pools) {
        if (after.pickable()) {
            return null;
        }
        List<String> lines = new ArrayList<>();
        boolean emptiesAPool = false;
        for (PoolModel pool : pools) {
            List<MemberFrame> members = pool.members();
            if (members.stream().noneMatch(m -> m.backendId().equals(backendId))) {
                continue;
            }
            List<MemberFrame> changed = members.stream().map(m -> m.backendId().equals(backendId)
                    ? new MemberFrame(m.backendId(), m.weight(), m.priority(), after, after.name().toLowerCase(Locale.ROOT))
                    : m).toList();
            Map<String, Double> before = TrafficSplit.of(members);
            Map<String, Double> now = TrafficSplit.of(changed);
            boolean hadTraffic = before.values().stream().anyMatch(s -> s > 0);
            boolean none = now.values().stream().noneMatch(s -> s > 0);
            emptiesAPool |= hadTraffic && none;
            for (MemberFrame m : members) {
                lines.add(pool.id() + ": " + m.backendId() + " " + percent(before.get(m.backendId())) + " \u2192 "
                        + percent(now.get(m.backendId())));
            }
            if (hadTraffic && none) {
                lines.add(pool.id() + ": no member left to pick, its requests fail");
            }
        }
        if (after == Availability.DRAINING && !emptiesAPool) {
            return null;
        }
        return new ActionPreview("On " + gatewayId + ": " + action, lines);
    }

    /** The action as the confirmation names it: "Disable", "Drain", ... */
    public static String verb(AdminState state) {
        return switch (state) {
            case ENABLED -> "Enable";
            case DRAIN -> "Drain";
            case MAINTENANCE -> "Put into maintenance";
            case DISABLED -> "Disable";
        };
    }

    /** What a new admin state leaves the backend as in the split. */
    public static Availability availability(AdminState state) {
        return switch (state) {
            case ENABLED -> Availability.AVAILABLE;
            case DRAIN -> Availability.DRAINING;
            case MAINTENANCE -> Availability.MAINTENANCE;
            case DISABLED -> Availability.DISABLED;
        };
    }

    private static String percent(double share) {
        return String.format(Locale.ROOT, "%.0f%%", share * 100);
    }
}
