package dev.switchboard.console.config;

import dev.switchboard.config.GatewayConfig;
import dev.switchboard.console.feed.Failures;
import dev.switchboard.console.feed.GatewayControl;
import dev.switchboard.console.feed.GatewayFrame;
import dev.switchboard.console.feed.StaleVersionException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;
import java.util.stream.Stream;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The editor's Apply: to the selected gateway (based on the version its text was loaded at) and to the further ticked
 * ones (each based on the version the console shows for it), with a dry run of each first for the confirmation.
 */
final class ConfigApply {

    private static final String APPLIED = ": applied";

    private final ConfigEditorModel editor;
    private final Supplier<String> selected;
    private final Function<String, GatewayControl> controls;
    private final ToLongFunction<String> shownVersion;
    private final Function<String, GatewayFrame> frames;
    private final Executor fx;
    private final ObservableList<String> alsoApplyTo = FXCollections.observableArrayList();

    ConfigApply(ConfigEditorModel editor, Supplier<String> selected, Function<String, GatewayControl> controls,
                ToLongFunction<String> shownVersion, Function<String, GatewayFrame> frames, Executor fx) {
        this.editor = editor;
        this.selected = selected;
        this.controls = controls;
        this.shownVersion = shownVersion;
        this.frames = frames;
        this.fx = fx;
    }

    /**
     * What applying the text would lead to on every gateway it goes to, the selected one first: each one's dry run
     * (same version check, nothing applied), run off the FX thread. A failed dry run is part of the answer, not a
     * failure of it. Completes (on the FX thread) with an empty list, and a status saying why, when there is nothing
     * to apply. FX thread only.
     */
    CompletableFuture<List<GatewayApplyPreview>> preview() {
        GatewayConfig config = editor.draft();
        if (config == null) {
            return CompletableFuture.completedFuture(List.of());
        }
        String first = selected.get();
        List<CompletableFuture<GatewayApplyPreview>> dryRuns = new ArrayList<>();
        dryRuns.add(dryRun(first, editor.baseVersion(), config));
        others(first).forEach(id -> dryRuns.add(dryRun(id, shownVersion.applyAsLong(id), config)));
        return CompletableFuture.allOf(dryRuns.toArray(CompletableFuture[]::new))
                .thenApplyAsync(v -> dryRuns.stream().map(CompletableFuture::join).toList(), fx);
    }

    /** One gateway's dry run; never fails. The live frame is read here, on the FX thread, before the work leaves it. */
    private CompletableFuture<GatewayApplyPreview> dryRun(String id, long base, GatewayConfig config) {
        GatewayControl control = controls.apply(id);
        if (control == null) {
            return CompletableFuture.completedFuture(new GatewayApplyPreview(id, null, "not connected"));
        }
        GatewayFrame live = frames.apply(id);
        return control.overridesStillWinning(config, base).handle((winning, error) -> error == null
                ? new GatewayApplyPreview(id, ApplyPreview.of(config, winning, live), null)
                : new GatewayApplyPreview(id, null, refusal(error, "stale: ", "")));
    }

    /** Applies a valid text to the selected gateway and the ticked ones; with problems, or a stale base, nothing changes there. */
    CompletableFuture<Void> apply() {
        GatewayConfig config = editor.draft();
        if (config == null) {
            return CompletableFuture.completedFuture(null);
        }
        String first = selected.get();
        editor.busy(true);
        CompletableFuture<String> own = applyTo(first, editor.baseVersion(), config);
        List<CompletableFuture<String>> others = others(first).map(id -> applyTo(id, shownVersion.applyAsLong(id), config)).toList();
        return CompletableFuture.allOf(others.toArray(CompletableFuture[]::new)).thenCombine(own, (v, firstResult) -> {
            List<String> lines = new ArrayList<>(List.of(firstResult));
            others.forEach(f -> lines.add(f.join()));
            return String.join("; ", lines);
        }).thenComposeAsync(summary -> own.join().endsWith(APPLIED)
                // Reload only when the selected gateway took the edit: a refused edit stays in the editor to fix.
                ? editor.reloadSaying(summary) : CompletableFuture.runAsync(() -> {
                    editor.busy(false);
                    editor.statusProperty().set(summary);
                }, fx), fx);
    }

    private Stream<String> others(String first) {
        return alsoApplyTo.stream().filter(id -> !id.equals(first));
    }

    /** One gateway's outcome in words; never fails. */
    private CompletableFuture<String> applyTo(String id, long base, GatewayConfig config) {
        return controls.apply(id).applyConfig(config, base).handle((version, error) ->
                error == null ? id + APPLIED : id + ": not applied" + refusal(error, ", stale: ", ": "));
    }

    /** The gateway's reason, after {@code staleLead} when it moved past the base version, else after {@code otherLead}. */
    private static String refusal(Throwable error, String staleLead, String otherLead) {
        Throwable cause = Failures.cause(error);
        return (cause instanceof StaleVersionException ? staleLead : otherLead) + cause.getMessage();
    }

    ObservableList<String> alsoApplyTo() {
        return alsoApplyTo;
    }
}
