package dev.switchboard.config.binding;

import dev.switchboard.config.Balancer;
import dev.switchboard.config.PoolConfig;
import dev.switchboard.config.PoolMember;
import dev.switchboard.config.SessionAffinityConfig;
import dev.switchboard.config.SpillWhenSlow;
import dev.switchboard.config.WhenAllUnavailable;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** APIM's {@code pool}: checks that the members, taken together, make a pool that can serve. */
final class PoolBinder implements Binder<PoolConfig> {

    @Override
    public List<String> fields() {
        return List.of("services", "sessionAffinity", "whenAllUnavailable", "overprovisioningFactor", "balancer", "spillWhenSlow");
    }

    @Override
    public PoolConfig bind(FieldReader in) {
        int problemsBefore = in.context().problemCount();
        List<PoolMember> services = in.requiredObjects("services", new PoolMemberBinder());
        if (in.context().problemCount() == problemsBefore) {
            checkMembers(in, services);
        }
        WhenAllUnavailable whenAllUnavailable = in.object("whenAllUnavailable", new WhenAllUnavailableBinder());
        SessionAffinityConfig affinity = in.object("sessionAffinity", new SessionAffinityBinder());
        Double overprovisioningFactor = in.number("overprovisioningFactor", 1);
        Balancer balancer = in.choice("balancer", List.of(Balancer.values()), Balancer::jsonName);
        SpillWhenSlow spill = in.object("spillWhenSlow", new SpillWhenSlowBinder());
        if (spill != null && overprovisioningFactor != null) {
            in.problem("spillWhenSlow", "cannot be combined with overprovisioningFactor: spill by availability or by latency, not both");
        }
        return new PoolConfig(services, affinity, whenAllUnavailable == null ? WhenAllUnavailable.DEFAULT : whenAllUnavailable,
                overprovisioningFactor, balancer == null ? Balancer.WEIGHTED : balancer, spill);
    }

    /** Runs only on well-formed members so a bad weight does not also show up as a mixed pool. */
    private static void checkMembers(FieldReader in, List<PoolMember> services) {
        Set<String> seen = new HashSet<>();
        for (PoolMember member : services) {
            if (!seen.add(member.backendId())) {
                in.context().add(in.context().sources().problem(member, "id",
                        "\"" + member.backendId() + "\" is already a member of this pool"));
            }
        }
        long weighted = services.stream().filter(m -> m.weight() != null).count();
        if (weighted > 0 && weighted < services.size()) {
            in.problem("services", "mixes services with and without weight; give every service a weight or none");
        } else if (weighted > 0 && services.stream().allMatch(m -> m.weight() == 0)) {
            in.problem("services", "every service has weight 0, so the pool can never serve");
        }
    }
}
