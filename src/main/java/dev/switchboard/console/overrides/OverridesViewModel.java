package dev.switchboard.console.overrides;

import dev.switchboard.console.feed.ConsoleEvent;
import dev.switchboard.console.feed.EventKind;
import dev.switchboard.console.feed.Failures;
import dev.switchboard.console.feed.GatewayControl;
import dev.switchboard.console.feed.GatewayFrame;
import dev.switchboard.console.feed.OverrideFrame;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The selected gateway's runtime overrides, as it reports them, and clearing them over its control channel (the
 * gateway audits each clear). FX thread only.
 */
public final class OverridesViewModel {

    private final ObservableList<OverrideFrame> overrides = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper gateway = new ReadOnlyStringWrapper("");
    private final Executor fx;
    private final Consumer<ConsoleEvent> log;
    private GatewayControl control;

    /**
     * @param fx  where command results are handled (the FX thread)
     * @param log receives refused clears
     */
    public OverridesViewModel(Executor fx, Consumer<ConsoleEvent> log) {
        this.fx = fx;
        this.log = log;
    }

    /** Shows the overrides in {@code frame}; the list changes only when they do, so a selection stays put. */
    public void show(GatewayFrame frame, GatewayControl gatewayControl) {
        control = gatewayControl;
        gateway.set(frame.gatewayId());
        if (!overrides.equals(frame.overrides())) {
            overrides.setAll(frame.overrides());
        }
    }

    /** Shows no gateway (the last one was removed). */
    public void clear() {
        control = null;
        gateway.set("");
        overrides.clear();
    }

    /** Drops one override: the config's value applies again. */
    public CompletableFuture<Void> clear(OverrideFrame override) {
        return run(c -> c.clearOverride(override), "clear the " + override.kind() + " override of " + override.target(),
                override.backend());
    }

    /** Drops every override of the shown gateway. */
    public CompletableFuture<Void> clearAll() {
        return run(GatewayControl::clearOverrides, "clear every override", "");
    }

    private CompletableFuture<Void> run(Function<GatewayControl, CompletableFuture<Void>> command,
                                        String description, String backendId) {
        GatewayControl c = control;
        String gatewayId = gateway.get();
        if (c == null) {
            return CompletableFuture.completedFuture(null);
        }
        return command.apply(c).whenCompleteAsync((v, error) -> {
            if (error != null) {
                log.accept(new ConsoleEvent(Instant.now(), gatewayId, backendId, EventKind.OPERATOR, false,
                        "refused: " + description + ": " + Failures.cause(error).getMessage()));
            }
        }, fx);
    }

    public ObservableList<OverrideFrame> overrides() {
        return overrides;
    }

    /** The gateway whose overrides are shown; empty when none is. */
    public ReadOnlyStringProperty gatewayProperty() {
        return gateway.getReadOnlyProperty();
    }

    /** The overrides as lines, e.g. "weight orders/b: override: 50, config says 20". */
    public static List<String> describe(List<OverrideFrame> list) {
        return list.stream().map(o -> o.kind() + " " + o.target() + ": " + o.describe()).toList();
    }
}
