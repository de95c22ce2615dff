package dev.switchboard.console.config;

import dev.switchboard.config.ConfigLoader;
import dev.switchboard.config.LineDiff;
import dev.switchboard.config.ConfigProblem;
import dev.switchboard.config.ConfigResult;
import dev.switchboard.config.ConfigWriter;
import dev.switchboard.config.GatewayConfig;
import dev.switchboard.console.feed.Failures;
import dev.switchboard.console.feed.GatewayControl;
import dev.switchboard.console.feed.StaleVersionException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
    private final ToLongFunction<String> shownVersion;
    private final ObservableList<String> alsoApplyTo = FXCollections.observableArrayList();
    private final Executor fx;
    private GatewayConfig baseline;
    private long baseVersion = -1;

    /**
     * @param selected     the gateway whose config the editor loads and applies to first
     * @param controls     every gateway's control by id
     * @param shownVersion the version the console last saw of a gateway: the base of an apply to the others
     * @param fx           where results are handled (the FX thread)
     */
    public ConfigEditorModel(Supplier<String> selected, Function<String, GatewayControl> controls,
                             ToLongFunction<String> shownVersion, Executor fx) {
        this.selected = selected;
        this.controls = controls;
        this.shownVersion = shownVersion;
        this.fx = fx;
    }

    /** Loads what the gateway runs now into the editor, discarding unapplied edits. */
    public CompletableFuture<Void> reload() {
        return load(vc -> "loaded config version " + vc.version() + " from the gateway");
    }

    private CompletableFuture<Void> load(Function<GatewayControl.VersionedConfig, String> statusAfter) {
        GatewayControl control = selected.get() == null ? null : controls.apply(selected.get());
        if (control == null) {
            status.set("no gateway selected");
            return CompletableFuture.completedFuture(null);
        }
        return control.config().thenAcceptAsync(vc -> {
            baseline = vc.config();
            baseVersion = vc.version();
            text.set(ConfigWriter.toJson(vc.config()));
            validate();
            status.set(statusAfter.apply(vc));
        }, fx);
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

    /** Applies a valid text to the gateway; with problems, or a stale base version, nothing changes. */
    public CompletableFuture<Void> apply() {
        validate();
        GatewayConfig config = parsed.get();
        if (config == null) {
            status.set("not applied: fix the " + problems.size() + " problem(s) first");
            return CompletableFuture.completedFuture(null);
        }
        if (diff.stream().noneMatch(line -> line.startsWith("+") || line.startsWith("-"))) {
            status.set("nothing to apply: the text matches the gateway's config");
            return CompletableFuture.completedFuture(null);
        }
        String first = selected.get();
        if (first == null || baseline == null) {
            status.set("not applied: no gateway selected, or its config was not loaded yet");
            return CompletableFuture.completedFuture(null);
        }
        CompletableFuture<String> own = applyTo(first, baseVersion, config);
        List<CompletableFuture<String>> others = alsoApplyTo.stream().filter(id -> !id.equals(first))
                .map(id -> applyTo(id, shownVersion.applyAsLong(id), config)).toList();
        return CompletableFuture.allOf(others.toArray(CompletableFuture[]::new)).thenCombine(own, (v, firstResult) -> {
            List<String> lines = new ArrayList<>(List.of(firstResult));
            others.forEach(f -> lines.add(f.join()));
            return String.join("; ", lines);
        }).thenComposeAsync(summary -> own.join().endsWith(APPLIED)
                // Reload only when the selected gateway took the edit: a refused edit stays in the editor to fix.
                ? load(vc -> summary) : CompletableFuture.runAsync(() -> status.set(summary), fx), fx);
    }

    private static final String APPLIED = ": applied";

    /** One gateway's outcome in words; never fails. */
    private CompletableFuture<String> applyTo(String id, long base, GatewayConfig config) {
        return controls.apply(id).applyConfig(config, base).handle((version, error) -> {
            if (error == null) {
                return id + APPLIED;
            }
            Throwable cause = Failures.cause(error);
            return id + (cause instanceof StaleVersionException ? ": not applied, stale: " : ": not applied: ")
                    + cause.getMessage();
        });
    }

    /** Further gateways (by id) an apply goes to, each based on the version the console shows for it. */
    public ObservableList<String> alsoApplyTo() {
        return alsoApplyTo;
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

    /** The text's config when it is valid, else null. */
    public ReadOnlyObjectProperty<GatewayConfig> parsedProperty() {
        return parsed.getReadOnlyProperty();
    }
}
