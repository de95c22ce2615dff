package dev.switchboard.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Reconstructs why a pick chose what it chose, from the state it picked in (see {@link Engine#explain}). */
final class PickExplainer {

    private PickExplainer() {
    }

    static PickExplanation explain(LiveState s, String targetId, String affinityKey, int attempt, boolean preferUntried, Pick pick) {
        PoolBalancer target = s.targets().get(targetId);
        List<PickExplanation.Candidate> candidates = new ArrayList<>();
        for (PoolBalancer.MemberPlan m : target.plan()) {
            BackendHandle h = m.handle();
            BackendStatus status = s.statuses().get(h.backendId());
            candidates.add(new PickExplanation.Candidate(h.backendId(), h.availability, status == null ? "" : status.reason(),
                    h.runtime.breaker().state(), m.priority()));
        }
        if (!(pick instanceof BackendHandle h)) {
            return new PickExplanation(targetId, null, "none available", candidates);
        }
        String why;
        int priority = 1;
        for (PickExplanation.Candidate c : candidates) {
            if (c.backendId().equals(h.backendId())) {
                priority = c.priority();
            }
        }
        if (h.memberIndex() < 0) {
            why = "single backend";
        } else if (attempt <= 1 && affinityKey != null && target.hasAffinity()) {
            why = target.affinityMember(affinityKey, priority) == h ? "affinity" : "affinity member unavailable; balanced, priority " + priority;
        } else if (attempt > 1 && preferUntried) {
            why = "retry to an untried member, priority " + priority;
        } else if (!h.availability.pickable()) {
            why = "panic: no member available, spread over all";
        } else {
            why = "balanced, priority " + priority;
        }
        if (h.availability == Availability.HALF_OPEN || h.availability == Availability.SLOW_START) {
            why += " (" + h.availability.name().toLowerCase(Locale.ROOT).replace('_', ' ') + ")";
        }
        return new PickExplanation(targetId, h.backendId(), why, candidates);
    }
}
