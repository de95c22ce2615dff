package dev.switchboard.engine;

import dev.switchboard.config.GatewayConfig;
import dev.switchboard.engine.routing.RequestView;
import dev.switchboard.engine.routing.RouteMatch;

/**
 * The engine state one request was routed with, from {@link Engine#pin()}. The request routes, reads its config
 * and picks every attempt's backend with it ({@link Engine#pick(PinnedState, String, String, Attempts)}), so a
 * reload between two attempts cannot take its target away.
 */
public final class PinnedState {

    final LiveState state;

    PinnedState(LiveState state) {
        this.state = state;
    }

    /** The config the request was routed with. */
    public GatewayConfig config() {
        return state.config();
    }

    /** Config and overrides version of this state. */
    public long version() {
        return state.version();
    }

    /** The api and rule this state's routing gives {@code request}; null when none takes it. */
    public RouteMatch route(RequestView request) {
        return state.router().route(request);
    }

    /**
     * Explains {@code pick}, made in this state: the target's members as it saw them and the rule that chose.
     * Allocates; for logs and traces only, and safe on any thread.
     *
     * @param attempt       which attempt of its request the pick was for, from 1
     * @param preferUntried the retry policy's otherBackend
     */
    public PickExplanation explain(String targetId, String affinityKey, int attempt, boolean preferUntried, Pick pick) {
        return PickExplainer.explain(state, targetId, affinityKey, attempt, preferUntried, pick);
    }
}
