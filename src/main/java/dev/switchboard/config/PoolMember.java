package dev.switchboard.config;

/**
 * One entry of {@code pool.services}.
 *
 * @param backendId the member backend's id ({@code "/backends/<id>"} in config is resolved to {@code <id>})
 * @param weight    0-1000; 0 drains the member. Null when the pool gives no weights (even split)
 * @param priority  1 is best; null means 1
 */
public record PoolMember(String backendId, Integer weight, Integer priority) {

    public int effectiveWeight() {
        return weight == null ? 1 : weight;
    }

    public int effectivePriority() {
        return priority == null ? 1 : priority;
    }
}
