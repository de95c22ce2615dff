package dev.switchboard.engine;

import dev.switchboard.config.GatewayConfig;
import dev.switchboard.engine.breaker.BreakerTransition;
import dev.switchboard.engine.breaker.ForceAction;
import java.util.ArrayList;
import java.util.Map;

/**
 * The config and runtime edits behind {@link Engine}'s methods of the same names (documented there). Each one holds
 * the publisher's lock from checking what it names against the live state to publishing, so no other change can
 * come between.
 */
final class EngineEdits {

    private static final int MAX_WEIGHT = 1000;
    private static final int MAX_PRIORITY = 100;

    private final StatePublisher publisher;
    private final Ticker ticker;

    EngineEdits(StatePublisher publisher, Ticker ticker) {
        this.publisher = publisher;
        this.ticker = ticker;
    }

    void applyConfig(GatewayConfig config) {
        synchronized (publisher.lock) {
            publisher.syncRuntimes(config);
            publisher.change(config, publisher.published().overrides().retainExisting(config), "config applied");
        }
    }

    void setWeight(String poolId, String backendId, int weight) {
        editMember("weight", poolId, backendId, weight, 0, MAX_WEIGHT, RuntimeOverrides::withWeight);
    }

    void setPriority(String poolId, String backendId, int priority) {
        editMember("priority", poolId, backendId, priority, 1, MAX_PRIORITY, RuntimeOverrides::withPriority);
    }

    /** An override of one pool member's {@code what}, a number within [min, max]. */
    private interface MemberEdit {
        RuntimeOverrides apply(RuntimeOverrides overrides, RuntimeOverrides.MemberKey member, int value);
    }

    private void editMember(String what, String poolId, String backendId, int value, int min, int max, MemberEdit edit) {
        synchronized (publisher.lock) {
            LiveState state = publisher.published();
            RuntimeOverrides.MemberKey key = EditTargets.member(state.config(), poolId, backendId);
            EditTargets.inRange(what, value, key, min, max);
            publisher.change(state.config(), edit.apply(state.overrides(), key, value),
                    what + " of " + key + " set to " + value);
        }
    }

    void setAdminState(String backendId, AdminState adminState) {
        synchronized (publisher.lock) {
            LiveState state = publisher.published();
            EditTargets.single(state.config(), backendId);
            publisher.change(state.config(), state.overrides().withAdminState(backendId, adminState),
                    "admin state of " + backendId + " set to " + adminState);
        }
    }

    void clearOverrides() {
        synchronized (publisher.lock) {
            publisher.change(publisher.published().config(), RuntimeOverrides.NONE, "overrides cleared");
        }
    }

    void clearOverride(RuntimeOverrides.Kind kind, String poolId, String backendId) {
        synchronized (publisher.lock) {
            LiveState state = publisher.published();
            publisher.change(state.config(), state.overrides().without(kind, poolId, backendId), kind.jsonName()
                    + " override of " + (kind == RuntimeOverrides.Kind.ADMIN_STATE ? backendId : poolId + "/" + backendId)
                    + " cleared");
        }
    }

    void forceBreaker(String backendId, ForceAction action) {
        synchronized (publisher.lock) {
            BackendRuntime runtime = single(backendId);
            BreakerTransition t = runtime.breaker().force(action, ticker.nanos(), ticker.instant());
            if (t != null) {
                publisher.publishTransition(runtime, t);
            }
        }
    }

    void reportProbe(String backendId, boolean success, String detail) {
        synchronized (publisher.lock) {
            BackendRuntime runtime = single(backendId);
            if (!runtime.probe().probed()) {
                throw new IllegalArgumentException("backend '" + backendId + "' has no health probe");
            }
            if (runtime.probe().report(success, detail)) {
                publisher.rebuild(new ArrayList<>());
            }
        }
    }

    void setExternallyUnavailable(Map<String, String> reasons) {
        synchronized (publisher.lock) {
            boolean changed = false;
            for (BackendRuntime r : publisher.runtimes()) {
                changed |= r.externalReason(reasons.get(r.id()));
            }
            if (changed) {
                publisher.rebuild(new ArrayList<>());
            }
        }
    }

    /** The runtime state of the single backend {@code backendId}; the caller holds the lock. */
    private BackendRuntime single(String backendId) {
        return publisher.runtime(EditTargets.single(publisher.published().config(), backendId).id());
    }
}
