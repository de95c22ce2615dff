package dev.switchboard.console.pools;

import dev.switchboard.console.feed.MemberFrame;
import dev.switchboard.engine.Availability;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The share of new requests each pool member should get: the best priority group that has a pickable member takes
 * everything, split by weight. Used for the target line and for previews of weight changes before they apply.
 */
public final class TrafficSplit {

    /** The engine reports a member drained by a zero weight with this reason; a new weight makes it pickable again. */
    private static final String ZERO_WEIGHT = "weight 0";

    private TrafficSplit() {
    }

    /** Shares in 0..1 per backend id, in member order; all zero when no member is pickable. */
    public static Map<String, Double> of(List<MemberFrame> members) {
        int best = Integer.MAX_VALUE;
        for (MemberFrame m : members) {
            if (pickable(m)) {
                best = Math.min(best, m.priority());
            }
        }
        long total = 0;
        for (MemberFrame m : members) {
            if (pickable(m) && m.priority() == best) {
                total += m.weight();
            }
        }
        Map<String, Double> shares = new LinkedHashMap<>();
        for (MemberFrame m : members) {
            boolean takes = total > 0 && pickable(m) && m.priority() == best;
            shares.put(m.backendId(), takes ? (double) m.weight() / total : 0.0);
        }
        return shares;
    }

    /** The members with one backend's weight replaced, for a preview. */
    public static List<MemberFrame> withWeight(List<MemberFrame> members, String backendId, int weight) {
        return members.stream()
                .map(m -> m.backendId().equals(backendId)
                        ? new MemberFrame(m.backendId(), weight, m.priority(), m.availability(), m.reason()) : m)
                .toList();
    }

    /** The lowest priority number with a pickable member, or 0 when none is pickable. */
    public static int activeGroup(List<MemberFrame> members) {
        return members.stream().filter(TrafficSplit::pickable).mapToInt(MemberFrame::priority).min().orElse(0);
    }

    private static boolean pickable(MemberFrame m) {
        boolean drainedByWeight = m.availability() == Availability.DRAINING && ZERO_WEIGHT.equals(m.reason());
        return m.weight() > 0 && (m.availability().pickable() || drainedByWeight);
    }
}
