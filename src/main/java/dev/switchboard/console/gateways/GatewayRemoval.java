package dev.switchboard.console.gateways;

import dev.switchboard.console.shell.ConsoleModel;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Predicate;

/**
 * Removing a remote gateway from the console: the window stops showing it at once, then a worker disconnects it
 * and forgets it (with its token) in the store, since closing a socket and writing a file must not hold the FX
 * thread.
 */
public final class GatewayRemoval {

    /** Disconnects a gateway and forgets it for good. */
    @FunctionalInterface
    public interface Forget {
        void forget(String gatewayId) throws Exception;
    }

    private final ConsoleModel model;
    private final Predicate<String> removable;
    private final Forget forget;
    private final Executor worker;

    /**
     * @param removable which gateways may be removed (not the embedded one, which the session owns)
     * @param worker    where {@code forget} runs
     */
    public GatewayRemoval(ConsoleModel model, Predicate<String> removable, Forget forget, Executor worker) {
        this.model = model;
        this.removable = removable;
        this.forget = forget;
        this.worker = worker;
    }

    public boolean canRemove(String gatewayId) {
        return gatewayId != null && removable.test(gatewayId);
    }

    /** What the operator confirms. */
    public String question(String gatewayId) {
        return "Remove gateway '" + gatewayId + "'? The console disconnects from it and forgets its address and "
                + "token; the gateway itself keeps running.";
    }

    /**
     * Removes the gateway from the window now (FX thread) and disconnects and forgets it on the worker; fails with
     * the reason when it cannot be removed or forgotten.
     */
    public CompletableFuture<Void> remove(String gatewayId) {
        if (!canRemove(gatewayId)) {
            return CompletableFuture.failedFuture(new IllegalArgumentException(
                    "'" + gatewayId + "' cannot be removed: the embedded gateway belongs to this console"));
        }
        model.removeGateway(gatewayId);
        return CompletableFuture.runAsync(() -> {
            try {
                forget.forget(gatewayId);
            } catch (Exception e) {
                throw new IllegalStateException("'" + gatewayId + "' is disconnected but could not be forgotten: "
                        + e.getMessage() + "; it comes back at the next start", e);
            }
        }, worker);
    }
}
