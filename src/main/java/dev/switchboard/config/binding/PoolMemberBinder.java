package dev.switchboard.config.binding;

import dev.switchboard.config.PoolMember;
import java.util.List;

/** One entry of {@code pool.services}: {@code id} as {@code /backends/<id>} (APIM, or a full ARM id) or plain. */
final class PoolMemberBinder implements Binder<PoolMember> {

    private static final String BACKENDS_SEGMENT = "/backends/";

    @Override
    public List<String> fields() {
        return List.of("id", "weight", "priority");
    }

    @Override
    public PoolMember bind(FieldReader in) {
        String id = in.requiredString("id");
        return new PoolMember(id == null ? null : backendId(id),
                in.integer("weight", 0, 1000),
                in.integer("priority", 1, 100));
    }

    private static String backendId(String reference) {
        int segment = reference.lastIndexOf(BACKENDS_SEGMENT);
        return segment < 0 ? reference : reference.substring(segment + BACKENDS_SEGMENT.length());
    }
}
