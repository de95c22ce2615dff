package dev.switchboard.console.dns;

import dev.switchboard.console.feed.EndpointFrame;
import dev.switchboard.console.feed.ProfileFrame;
import dev.switchboard.dns.MonitorStatus;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a profile would answer after an operator action, worked out from the endpoints as the console last saw them
 * with the gateway's rules (docs/dns.md, "Answers"): endpoints that serve (ONLINE, CHECKING) ranked by effective
 * priority, ties in config order; the DEGRADED ones only when none serves; NXDOMAIN when the profile or every
 * endpoint is disabled. Like the gateway's own answer, weighted and geographic answers list every target a query may
 * get. A multivalue answer lists every ranked endpoint: the profile's {@code maxReturn} is not in telemetry, so a
 * gateway with one may answer fewer.
 */
final class AnswerPreview {

    private AnswerPreview() {
    }

    static DnsAnswer after(ProfileFrame profile, DnsAction action) {
        Map<String, MonitorStatus> status = new HashMap<>();
        profile.endpoints().forEach(e -> status.put(e.name(), e.status()));
        String promoted = profile.failedOverTo();
        switch (action.kind()) {
            case DISABLE -> {
                status.put(action.endpoint(), MonitorStatus.DISABLED);
                if (action.endpoint().equals(promoted)) {
                    promoted = null;
                }
            }
            case ENABLE -> {
                if (status.get(action.endpoint()) == MonitorStatus.DISABLED) {
                    // A monitored profile probes it afresh; CHECKING is answered like ONLINE.
                    status.put(action.endpoint(), profile.monitor() == null ? MonitorStatus.ONLINE : MonitorStatus.CHECKING);
                }
            }
            case FAIL_OVER -> promoted = action.endpoint();
            case CLEAR_FAILOVER -> promoted = null;
        }
        return answer(profile, status, promoted);
    }

    private static DnsAnswer answer(ProfileFrame profile, Map<String, MonitorStatus> status, String promoted) {
        List<EndpointFrame> enabled = profile.endpoints().stream().filter(e -> takesPart(status.get(e.name()))).toList();
        List<EndpointFrame> serving = enabled.stream().filter(e -> status.get(e.name()).serves()).toList();
        if (!profile.enabled() || enabled.isEmpty()) {
            return new DnsAnswer(false, List.of());
        }
        List<EndpointFrame> ranked = (serving.isEmpty() ? enabled : serving).stream()
                .sorted(Comparator.comparingInt(e -> e.name().equals(promoted) ? 0 : e.priority())).toList();
        List<String> targets = switch (profile.routing()) {
            case PRIORITY -> List.of(ranked.getFirst().target());
            case WEIGHTED, MULTIVALUE -> ranked.stream().map(EndpointFrame::target).toList();
            case GEOGRAPHIC -> bestPerRegion(ranked);
        };
        return new DnsAnswer(true, targets);
    }

    private static boolean takesPart(MonitorStatus status) {
        return status != MonitorStatus.DISABLED && status != MonitorStatus.STOPPED;
    }

    /** The best-ranked endpoint of each region, in rank order. */
    private static List<String> bestPerRegion(List<EndpointFrame> ranked) {
        Set<String> regions = new LinkedHashSet<>();
        return ranked.stream().filter(e -> regions.add(String.valueOf(e.region()))).map(EndpointFrame::target).toList();
    }
}
