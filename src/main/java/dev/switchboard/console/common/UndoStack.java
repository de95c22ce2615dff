package dev.switchboard.console.common;

import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** Applied operator changes, newest last, each with the command that reverts it. */
public final class UndoStack {

    static final int MAX_ENTRIES = 100;

    /**
     * @param gatewayId   the gateway the change was made on
     * @param description e.g. "weight of orders/orders-east-1 50 -> 10"
     */
    public record Entry(String gatewayId, String description, Supplier<CompletableFuture<Void>> revert) {
    }

    private final ObservableList<Entry> entries = FXCollections.observableArrayList();
    private final BooleanBinding empty = Bindings.isEmpty(entries);

    public void push(Entry entry) {
        entries.add(entry);
        if (entries.size() > MAX_ENTRIES) {
            entries.removeFirst();
        }
    }

    /** Takes the newest change off the stack (the caller reverts it); null when there is nothing to undo. */
    public Entry pop() {
        return entries.isEmpty() ? null : entries.removeLast();
    }

    /** Drops the changes made on a gateway the console no longer has: their reverts could only fail. */
    public void forget(String gatewayId) {
        entries.removeIf(e -> e.gatewayId().equals(gatewayId));
    }

    public ObservableList<Entry> entries() {
        return FXCollections.unmodifiableObservableList(entries);
    }

    public BooleanBinding emptyProperty() {
        return empty;
    }
}
