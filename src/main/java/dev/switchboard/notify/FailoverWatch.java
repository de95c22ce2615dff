package dev.switchboard.notify;

import dev.switchboard.engine.EngineSnapshot;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Notices when a pool's traffic moves to another priority group ({@link EngineSnapshot.PoolView#activePriority()}):
 * the first look at a pool only records where it is.
 */
final class FailoverWatch {

    private final Map<String, Integer> active = new HashMap<>();

    List<Notification> check(EngineSnapshot snapshot) {
        List<Notification> failovers = new ArrayList<>();
        for (EngineSnapshot.PoolView pool : snapshot.pools()) {
            int now = pool.activePriority();
            Integer before = active.put(pool.id(), now);
            if (before != null && before != now) {
                failovers.add(EventNotifications.failover(pool.id(), before, now, snapshot.at()));
            }
        }
        return failovers;
    }
}
