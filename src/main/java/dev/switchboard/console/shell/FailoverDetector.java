package dev.switchboard.console.shell;

import dev.switchboard.console.feed.ConsoleEvent;
import dev.switchboard.console.feed.EventKind;
import dev.switchboard.console.feed.GatewayFrame;
import dev.switchboard.console.feed.PoolFrame;
import dev.switchboard.console.pools.TrafficSplit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Notices when a pool's traffic moves to another priority group: the failovers operators must hear about. */
final class FailoverDetector {

    private final Map<String, Integer> activeGroup = new HashMap<>();

    List<ConsoleEvent> check(GatewayFrame frame) {
        List<ConsoleEvent> failovers = new ArrayList<>();
        for (PoolFrame pool : frame.pools()) {
            int now = TrafficSplit.activeGroup(pool.members());
            Integer before = activeGroup.put(frame.gatewayId() + "/" + pool.id(), now);
            if (before != null && before != now) {
                failovers.add(new ConsoleEvent(frame.at(), frame.gatewayId(), "", EventKind.FAILOVER, true,
                        "pool " + pool.id() + ": traffic moved from " + group(before) + " to " + group(now)));
            }
        }
        return failovers;
    }

    private static String group(int priority) {
        return priority == 0 ? "no available member" : "priority " + priority;
    }
}
