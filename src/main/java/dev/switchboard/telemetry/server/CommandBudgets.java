package dev.switchboard.telemetry.server;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * The command rate limit of each token, shared by all of that token's stream connections and its
 * {@code PUT /api/config} requests: opening ten connections does not buy ten times the budget. Token names are unique
 * (the admin binder checks), and only configured tokens authenticate, so the map stays as small as the token list.
 */
final class CommandBudgets {

    private final TelemetryLimits limits;
    private final LongSupplier nanoTime;
    private final Map<String, TokenBucket> byToken = new ConcurrentHashMap<>();

    CommandBudgets(TelemetryLimits limits) {
        this(limits, System::nanoTime);
    }

    CommandBudgets(TelemetryLimits limits, LongSupplier nanoTime) {
        this.limits = limits;
        this.nanoTime = nanoTime;
    }

    /** Counts one command against {@code who}'s budget; false when the budget is spent. */
    boolean tryTake(Principal who) {
        return byToken.computeIfAbsent(who.name(), name -> new TokenBucket(limits.commandsPerSecond(), limits.commandBurst(), nanoTime))
                .tryTake();
    }

    /** What a refused command is told. */
    String refusal(Principal who) {
        return "token '" + who.name() + "' sent more than " + (int) limits.commandsPerSecond() + " commands per second (bursts of "
                + limits.commandBurst() + ", shared by all its connections); slow down";
    }
}
