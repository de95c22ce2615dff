package dev.switchboard.config.binding;

import dev.switchboard.config.DnsConfig;
import dev.switchboard.config.DnsNames;
import java.util.List;

/**
 * The top-level {@code dns} object: where the responder listens and which zone it answers for. Left out, the zone is
 * the profile names' longest common parent domain; an invalid zone was reported, and the derived one stands in for it
 * so the profiles are not reported as outside it too.
 */
final class DnsBinder implements Binder<DnsConfig> {

    private final List<String> profileNames;

    DnsBinder(List<String> profileNames) {
        this.profileNames = profileNames;
    }

    @Override
    public List<String> fields() {
        return List.of("listen", "zone");
    }

    @Override
    public DnsConfig bind(FieldReader in) {
        String listen = in.hostPort("listen");
        String zone = in.string("zone");
        String problem = zone == null ? null : DnsNames.problem(zone);
        if (problem != null) {
            in.problem("zone", "\"" + zone + "\" is not a domain name: " + problem);
        }
        return new DnsConfig(listen == null ? DnsConfig.DEFAULT_LISTEN : listen,
                zone != null && problem == null ? zone : DnsNames.commonParent(profileNames));
    }
}
