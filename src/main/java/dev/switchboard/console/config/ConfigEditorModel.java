package dev.switchboard.console.config;

import dev.switchboard.config.ConfigLoader;
import dev.switchboard.config.LineDiff;
import dev.switchboard.config.ConfigProblem;
import dev.switchboard.config.ConfigResult;
import dev.switchboard.config.ConfigWriter;
import dev.switchboard.config.GatewayConfig;
import dev.switchboard.console.feed.Failures;
import dev.switchboard.console.feed.GatewayControl;
import dev.switchboard.console.feed.GatewayFrame;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The config editor: JSON text validated by the real loader on each edit, the diff against what the gateway runs,
 * and an apply that is refused when the gateway changed since the text was loaded.
 */
public final class ConfigEditorModel {

    private final StringProperty text = new SimpleStringProperty("");
    private final ObservableList<ConfigProblem> problems = FXCollections.observableArrayList();
    private final ObservableList<String> diff = FXCollections.observableArrayList();
    private final StringProperty status = new SimpleStringProperty("");
    private final ReadOnlyObjectWrapper<GatewayConfig> parsed = new ReadOnlyObjectWrapper<>();
    private final Supplier<String> selected;
    private final Function<String, GatewayControl> controls;
    private final Executor fx;
    private final ReadOnlyObjectWrapper<RebaseOffer> rebaseOffer = new ReadOnlyObjectWrapper<>();
    private final ConfigApply applying;
    private GatewayConfig baseline;
    private long baseVersion = -1;
    /** The gateway the text was loaded from: only its versions are followed. */
    private String loadedFrom;
    /**
     * The gateway whose config the last read could not get (selected before its control channel was up, say), so
     * the editor is not showing it: once it has shown a version, each follow reads it again until a read succeeds (a
     * read while it is still away fails at once, without going to the network).
     */
    private String unreadFrom;
    /** True while a load or an apply is on its way: the versions frames show then are the console's own doing. */
    private boolean busy;
    /**
     * Counts config reads: only the newest one's answer is taken. An older one can answer after it, when the operator
     * moved to another gateway meanwhile, and must not put that gateway's config (and version) under the new one.
     */
    private long reads;

    /**
     * The gateway moved to another config while the editor held edits based on an older one.
     *
     * @param theirs what the gateway runs now
     * @param diff   the gateway's change, from the version the edits started from to its new one
     */
    public record RebaseOffer(GatewayControl.VersionedConfig theirs, List<String> diff) {
        public RebaseOffer {
            diff = List.copyOf(diff);
        }
    }

    /**
     * @param selected     the gateway whose config the editor loads and applies to first
     * @param controls     every gateway's control by id
     * @param shownVersion the version the console last saw of a gateway: the base of an apply to the others
     * @param frames       the latest frame of a gateway (null before its first), for the split an Apply leads to
     * @param fx           where results are handled (the FX thread)
     */
    public ConfigEditorModel(Supplier<String> selected, Function<String, GatewayControl> controls,
                             ToLongFunction<String> shownVersion, Function<String, GatewayFrame> frames, Executor fx) {
        this.selected = selected;
        this.controls = controls;
        this.fx = fx;
        this.applying = new ConfigApply(this, selected, controls, shownVersion, frames, fx);
    }

    /** An editor whose Apply preview counts every member as available (no live frames to read). */
    public ConfigEditorModel(Supplier<String> selected, Function<String, GatewayControl> controls,
                             ToLongFunction<String> shownVersion, Executor fx) {
        this(selected, controls, shownVersion, id -> null, fx);
    }

    /** Loads what the gateway runs now into the editor, discarding unapplied edits. */
    public CompletableFuture<Void> reload() {
        String gatewayId = selected.get();
        return load(vc -> "loaded config version " + vc.version() + " from " + gatewayId);
    }

    private CompletableFuture<Void> load(Function<GatewayControl.VersionedConfig, String> statusAfter) {
        GatewayControl control = selected.get() == null ? null : controls.apply(selected.get());
        if (control == null) {
            status.set("no gateway selected");
            return CompletableFuture.completedFuture(null);
        }
        String gatewayId = selected.get();
        long read = ++reads;
        busy = true;
        return control.config().handleAsync((vc, error) -> {
            if (read != reads) {
                return null;
            }
            busy = false;
            if (error != null) {
                unreadFrom = gatewayId;
                status.set("cannot load the gateway's config: " + Failures.cause(error).getMessage());
                return null;
            }
            unreadFrom = null;
            baseline = vc.config();
            baseVersion = vc.version();
            loadedFrom = gatewayId;
            rebaseOffer.set(null);
            text.set(ConfigWriter.toJson(vc.config()));
            validate();
            status.set(statusAfter.apply(vc));
            return null;
        }, fx);
    }

    /** Whether the text differs from the gateway config it was loaded from (or there is text but no such config). */
    public boolean edited() {
        return baseline == null ? !text.get().isEmpty() : !text.get().equals(ConfigWriter.toJson(baseline));
    }

    /**
     * Follows the selected gateway to {@code version}, as its frames show it: without edits the editor reloads; with
     * edits it keeps them and offers a rebase onto the new config (or, when only overrides changed and the config is
     * the same, just takes the new version as the edits' base). A selected gateway whose config could not be read
     * (it was not connected yet) is read again once its frames show a version. FX thread only.
     */
    public void follow(long version) {
        if (!busy && version > 0 && Objects.equals(selected.get(), unreadFrom)) {
            reload();
            return;
        }
        if (busy || baseline == null || version <= baseVersion || !Objects.equals(selected.get(), loadedFrom)
                || (rebaseOffer.get() != null && rebaseOffer.get().theirs().version() >= version)) {
            return;
        }
        if (!edited()) {
            load(vc -> "the gateway moved to version " + vc.version() + ": reloaded");
            return;
        }
        GatewayControl control = controls.apply(selected.get());
        long read = ++reads;
        busy = true;
        control.config().whenCompleteAsync((vc, error) -> {
            if (read != reads) {
                return;
            }
            busy = false;
            if (error != null) {
                status.set("the gateway moved to version " + version + " but its config could not be read: "
                        + Failures.cause(error).getMessage());
            } else if (ConfigWriter.toJson(vc.config()).equals(ConfigWriter.toJson(baseline))) {
                baseVersion = vc.version();
                status.set("the gateway moved to version " + vc.version() + " (runtime overrides only, its config is "
                        + "unchanged): your edits now apply to it");
            } else {
                rebaseOffer.set(new RebaseOffer(vc, LineDiff.diff(ConfigWriter.toJson(baseline),
                        ConfigWriter.toJson(vc.config()))));
                status.set("the gateway moved to version " + vc.version() + " with another config: rebase your "
                        + "edits onto it, or discard them");
            }
        }, fx);
    }

    /** Replays the edits onto the config of the rebase offer and bases them on its version. */
    public void rebase() {
        RebaseOffer offer = rebaseOffer.get();
        if (offer == null) {
            return;
        }
        ConfigRebase.Result result;
        try {
            result = ConfigRebase.rebase(ConfigWriter.toJson(baseline), text.get(), ConfigWriter.toJson(offer.theirs().config()));
        } catch (IllegalArgumentException e) {
            status.set("cannot rebase: " + e.getMessage() + "; fix the text or discard the edits");
            return;
        }
        baseline = offer.theirs().config();
        baseVersion = offer.theirs().version();
        rebaseOffer.set(null);
        text.set(result.text());
        validate();
        status.set("rebased your edits onto version " + baseVersion + (result.conflicts().isEmpty() ? ""
                : "; both changed " + String.join(", ", result.conflicts()) + ": your values were kept"));
    }

    /** Runs the validator over the text: problems, or the diff of a valid config against the gateway's. */
    public void validate() {
        ConfigResult result = ConfigLoader.parse(text.get());
        problems.setAll(result.problems());
        if (result instanceof ConfigResult.Valid(GatewayConfig config)) {
            parsed.set(config);
            diff.setAll(baseline == null ? List.of() : LineDiff.diff(ConfigWriter.toJson(baseline), ConfigWriter.toJson(config)));
        } else {
            parsed.set(null);
            diff.clear();
        }
    }

    /**
     * What applying the text would lead to on every gateway it goes to, the selected one first, from their dry runs
     * (off the FX thread); empty, with a status saying why, when there is nothing to apply.
     */
    public CompletableFuture<List<GatewayApplyPreview>> preview() {
        return applying.preview();
    }

    /** Applies a valid text to the selected gateway and the ticked ones; with problems, or a stale base, nothing changes. */
    public CompletableFuture<Void> apply() {
        return applying.apply();
    }

    /** Further gateways (by id) an apply goes to, each based on the version the console shows for it. */
    public ObservableList<String> alsoApplyTo() {
        return applying.alsoApplyTo();
    }

    /** The valid text's config if there is something to apply to a loaded gateway; else null, saying why. */
    GatewayConfig draft() {
        validate();
        GatewayConfig config = parsed.get();
        if (config == null) {
            status.set("not applied: fix the " + problems.size() + " problem(s) first");
            return null;
        }
        if (diff.stream().noneMatch(line -> line.startsWith("+") || line.startsWith("-"))) {
            status.set("nothing to apply: the text matches the gateway's config");
            return null;
        }
        if (selected.get() == null || baseline == null || !selected.get().equals(loadedFrom)) {
            status.set("not applied: no gateway selected, or its config was not loaded yet");
            return null;
        }
        return config;
    }

    /** The gateway version the text was loaded at (or rebased onto). */
    long baseVersion() {
        return baseVersion;
    }

    /** An apply is on its way (true) or done (false): the versions frames show meanwhile are the console's own doing. */
    void busy(boolean onItsWay) {
        busy = onItsWay;
    }

    /** Reloads from the selected gateway after an apply it took, with {@code summary} as the status. */
    CompletableFuture<Void> reloadSaying(String summary) {
        return load(vc -> summary);
    }

    public void open(Path file) throws IOException {
        text.set(Files.readString(file, StandardCharsets.UTF_8));
        validate();
        status.set("opened " + file + " (not applied yet)");
    }

    /** Puts an imported config into the editor, to review, then apply or save; nothing is applied yet. */
    public void openImported(String json, String origin) {
        text.set(json);
        validate();
        status.set("imported " + origin + " (not applied yet)");
    }

    /** Saves the text as it is, valid or not: an operator may save work in progress. */
    public void save(Path file) throws IOException {
        ConfigFiles.saveAtomically(file, text.get());
        status.set("saved " + file + (Files.exists(ConfigFiles.backupOf(file)) ? "; previous version in "
                + ConfigFiles.backupOf(file).getFileName() : ""));
    }

    public StringProperty textProperty() {
        return text;
    }

    public ObservableList<ConfigProblem> problems() {
        return problems;
    }

    public ObservableList<String> diff() {
        return diff;
    }

    public StringProperty statusProperty() {
        return status;
    }

    /** The gateway's newer config while edits wait to be rebased onto it or discarded; else null. */
    public ReadOnlyObjectProperty<RebaseOffer> rebaseOfferProperty() {
        return rebaseOffer.getReadOnlyProperty();
    }

    /** The text's config when it is valid, else null. */
    public ReadOnlyObjectProperty<GatewayConfig> parsedProperty() {
        return parsed.getReadOnlyProperty();
    }
}
