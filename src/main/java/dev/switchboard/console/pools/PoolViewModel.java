package dev.switchboard.console.pools;

import dev.switchboard.config.GatewayConfig;
import dev.switchboard.console.common.UndoStack;
import dev.switchboard.console.feed.BackendFrame;
import dev.switchboard.console.feed.ConsoleEvent;
import dev.switchboard.console.feed.EventKind;
import dev.switchboard.console.feed.Failures;
import dev.switchboard.console.feed.GatewayControl;
import dev.switchboard.console.feed.GatewayFrame;
import dev.switchboard.console.feed.OverrideFrame;
import dev.switchboard.console.feed.PoolFrame;
import dev.switchboard.console.health.GatewayHealth;
import dev.switchboard.engine.AdminState;
import dev.switchboard.engine.Availability;
import dev.switchboard.engine.breaker.ForceAction;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The pools of the selected gateway and the operator's commands on their members. Applied weight, priority and
 * admin changes go on the undo stack; refused ones are logged.
 */
public final class PoolViewModel {

    private final ObservableList<PoolModel> pools = FXCollections.observableArrayList();
    private final UndoStack undo = new UndoStack();
    private final Executor fx;
    private final Consumer<ConsoleEvent> log;
    private final BooleanProperty onlyProblems = new SimpleBooleanProperty();
    private String gatewayId;
    private GatewayControl control;

    /**
     * @param fx  where command results are handled (the FX thread)
     * @param log receives refused commands
     */
    public PoolViewModel(Executor fx, Consumer<ConsoleEvent> log) {
        this.fx = fx;
        this.log = log;
    }

    public void show(GatewayFrame frame, GatewayControl gatewayControl, GatewayHealth health) {
        if (!frame.gatewayId().equals(gatewayId)) {
            pools.clear();
            gatewayId = frame.gatewayId();
            control = gatewayControl;
        }
        List<String> ids = frame.pools().stream().map(PoolFrame::id).toList();
        if (!ids.equals(pools.stream().map(PoolModel::id).toList())) {
            Map<String, PoolModel> kept = pools.stream().collect(Collectors.toMap(PoolModel::id, Function.identity()));
            pools.setAll(ids.stream().map(id -> kept.getOrDefault(id, new PoolModel(id))).toList());
        }
        Map<String, BackendFrame> backends = frame.backends().stream()
                .collect(Collectors.toMap(BackendFrame::id, Function.identity()));
        for (int i = 0; i < ids.size(); i++) {
            pools.get(i).update(frame.pools().get(i), backends, frame, health);
        }
    }

    /** Shows no gateway (the last one was removed). */
    public void clear() {
        pools.clear();
        gatewayId = null;
        control = null;
    }

    public void setWeight(MemberRow row, int weight) {
        int old = row.weightProperty().get();
        if (old == weight) {
            return;
        }
        row.expectWeight(weight);
        GatewayControl c = control;
        Supplier<CompletableFuture<Void>> restore = restore(c, row, OverrideFrame.WEIGHT,
                () -> c.setWeight(row.poolId(), row.backendId(), old));
        CompletableFuture<Void> command = c.setWeight(row.poolId(), row.backendId(), weight);
        command.thenRunAsync(() -> row.weightAcknowledged(weight), fx);
        run(command, row,
                "weight of " + row.poolId() + "/" + row.backendId() + " " + old + " -> " + weight,
                () -> {
                    // An undo soon after the change may come before any frame showed it: the card would otherwise
                    // wait for that weight forever and ignore every later one (the undone value, a new config's).
                    row.expectWeight(-1);
                    return restore.get();
                });
    }

    /** The shown gateway's config (without runtime overrides), for rehearsing a change before it is made. */
    public CompletableFuture<GatewayConfig> config() {
        GatewayControl c = control;
        return c == null ? CompletableFuture.failedFuture(new IllegalStateException("no gateway is shown"))
                : c.config().thenApply(GatewayControl.VersionedConfig::config);
    }

    public void setPriority(MemberRow row, int priority) {
        int old = row.priorityProperty().get();
        if (old == priority) {
            return;
        }
        GatewayControl c = control;
        run(c.setPriority(row.poolId(), row.backendId(), priority), row,
                "priority of " + row.poolId() + "/" + row.backendId() + " " + old + " -> " + priority,
                restore(c, row, OverrideFrame.PRIORITY, () -> c.setPriority(row.poolId(), row.backendId(), old)));
    }

    public void setAdminState(MemberRow row, AdminState state) {
        AdminState old = row.adminStateProperty().get();
        if (old == state) {
            return;
        }
        GatewayControl c = control;
        run(c.setAdminState(row.backendId(), state), row, "admin state of " + row.backendId() + " " + old + " -> " + state,
                restore(c, row, OverrideFrame.ADMIN_STATE, () -> c.setAdminState(row.backendId(), old)));
    }

    /**
     * What undoes a change of {@code kind}: puts back what was there before it. A value that came from the config is
     * put back by clearing the override the change creates, not by a new override that merely equals it today and
     * would then shadow every later config change.
     */
    private static Supplier<CompletableFuture<Void>> restore(GatewayControl c, MemberRow row, String kind,
                                                            Supplier<CompletableFuture<Void>> setOld) {
        if (row.overrideProperty(kind).get() != null) {
            return setOld;
        }
        OverrideFrame created = new OverrideFrame(kind, OverrideFrame.ADMIN_STATE.equals(kind) ? null : row.poolId(),
                row.backendId(), null, null, null, null);
        return () -> c.clearOverride(created);
    }

    /** Forcing is not undoable: the breaker's earlier state depended on traffic and time, not on an operator. */
    public void forceBreaker(MemberRow row, ForceAction action) {
        run(control.forceBreaker(row.backendId(), action), row, "force breaker of " + row.backendId() + " " + action, null);
    }

    /** Reverts the newest applied change, if any. */
    public void undo() {
        UndoStack.Entry entry = undo.pop();
        if (entry != null) {
            entry.revert().get().whenCompleteAsync((v, error) -> {
                if (error != null) {
                    refused("undo " + entry.description(), "", error);
                }
            }, fx);
        }
    }

    private void run(CompletableFuture<Void> command, MemberRow row, String description,
                     Supplier<CompletableFuture<Void>> revert) {
        String changedGateway = gatewayId;
        command.whenCompleteAsync((v, error) -> {
            if (error != null) {
                row.expectWeight(-1);
                refused(description, row.backendId(), error);
            } else if (revert != null) {
                undo.push(new UndoStack.Entry(changedGateway, description, revert));
            }
        }, fx);
    }

    private void refused(String description, String backendId, Throwable error) {
        Throwable cause = Failures.cause(error);
        log.accept(new ConsoleEvent(Instant.now(), gatewayId, backendId, EventKind.OPERATOR, false,
                "refused: " + description + ": " + cause.getMessage()));
    }

    /**
     * What taking {@code backendId} out of the split as {@code after} would do to every pool it is in, for a
     * confirmation; null when that is not dangerous.
     */
    public ActionPreview preview(String backendId, String action, Availability after) {
        return ActionPreview.of(gatewayId, action, backendId, after, pools);
    }

    /** Pools view filter: show only backends whose health is a problem (yellow or worse). */
    public BooleanProperty onlyProblemsProperty() {
        return onlyProblems;
    }

    public ObservableList<PoolModel> pools() {
        return pools;
    }

    public UndoStack undoStack() {
        return undo;
    }
}
