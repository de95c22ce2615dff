package dev.switchboard.console.health;

/**
 * Everything a backend card or fleet grid cell shows of one backend at one moment.
 *
 * @param notice          the outlier notice ("catalog-1: 100% 5xx for 20 s, no breaker rule"), empty without a problem
 * @param stateSinceMillis when its state (availability, breaker, admin) last changed, or was first seen
 * @param stateChangeSeen  false when the console has seen no change since it connected: the state is at least that old
 */
public record BackendStatus(String backendId, BackendNumbers numbers, BackendHealth.Verdict verdict, String notice,
                            long stateSinceMillis, boolean stateChangeSeen) {

    public static BackendStatus unknown(String backendId) {
        return new BackendStatus(backendId, BackendNumbers.UNKNOWN, new BackendHealth.Verdict(HealthLevel.IDLE, ""), "",
                0, false);
    }

    public HealthLevel level() {
        return verdict.level();
    }
}
