package dev.switchboard.console.rehearsal;

import dev.switchboard.config.ConfigException;
import dev.switchboard.config.ConfigProblem;
import dev.switchboard.config.GatewayConfig;
import dev.switchboard.config.scenario.ScenarioLoader;
import dev.switchboard.rehearsal.Rehearsal;
import dev.switchboard.rehearsal.RehearsalResult;
import dev.switchboard.rehearsal.RehearsalText;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Rehearse view's state: a scenario text, which config to rehearse (the selected gateway's, or the draft in the
 * Config tab), Switchboard or APIM semantics, and the last result. A run happens on a worker thread; its result is
 * published through {@code publish} (the FX thread in the console).
 */
public final class RehearsalViewModel {

    /** Which config a run uses. */
    public enum Source {
        SELECTED_GATEWAY("selected gateway's config"),
        CONFIG_DRAFT("draft in the Config tab");

        private final String label;

        Source(String label) {
            this.label = label;
        }

        @Override
        public String toString() {
            return label;
        }
    }

    static final String EXAMPLE = """
            { "duration": "PT60S", "rate": 10, "path": "/",
              "backends": {} }
            """;

    private final Supplier<CompletableFuture<GatewayConfig>> selected;
    private final Supplier<GatewayConfig> draft;
    private final Executor worker;
    private final Executor publish;
    private final StringProperty scenario = new SimpleStringProperty(EXAMPLE);
    private final ObjectProperty<Source> source = new SimpleObjectProperty<>(Source.SELECTED_GATEWAY);
    private final BooleanProperty apim = new SimpleBooleanProperty();
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<RehearsalResult> result = new ReadOnlyObjectWrapper<>();
    private final ObservableList<String> problems = FXCollections.observableArrayList();

    /**
     * @param selected the selected gateway's config, fetched when a run starts (null when none is selected)
     * @param draft    the Config tab's text as a valid config, or null when it has problems
     * @param worker   where runs happen
     * @param publish  where results are published
     */
    public RehearsalViewModel(Supplier<CompletableFuture<GatewayConfig>> selected, Supplier<GatewayConfig> draft,
                              Executor worker, Executor publish) {
        this.selected = selected;
        this.draft = draft;
        this.worker = worker;
        this.publish = publish;
    }

    /** Rehearses the scenario text against the chosen config; problems of either end up in {@link #problems()}. */
    public CompletableFuture<Void> run() {
        running.set(true);
        status.set("rehearsing…");
        String text = scenario.get();
        boolean asApim = apim.get();
        return config().thenApplyAsync(config -> rehearse(config, text, asApim), worker)
                .exceptionally(e -> Outcome.failed(List.of(e.getCause() == null ? e.getMessage() : e.getCause().getMessage())))
                .thenAcceptAsync(this::show, publish);
    }

    /** Loads a scenario file into the text. */
    public void open(Path file) throws IOException {
        scenario.set(Files.readString(file, StandardCharsets.UTF_8));
    }

    private CompletableFuture<GatewayConfig> config() {
        if (source.get() == Source.CONFIG_DRAFT) {
            GatewayConfig d = draft.get();
            return d != null ? CompletableFuture.completedFuture(d)
                    : CompletableFuture.failedFuture(new IllegalStateException("the Config tab's draft has problems; fix them first"));
        }
        CompletableFuture<GatewayConfig> config = selected.get();
        return config != null ? config : CompletableFuture.failedFuture(new IllegalStateException("no gateway is selected"));
    }

    /** A run's result, or why there is none. */
    private record Outcome(RehearsalResult result, List<String> problems, long millis) {
        static Outcome failed(List<String> problems) {
            return new Outcome(null, problems, 0);
        }
    }

    private static Outcome rehearse(GatewayConfig config, String text, boolean asApim) {
        long start = System.nanoTime();
        try {
            RehearsalResult r = Rehearsal.run(config, ScenarioLoader.parse(text, config), asApim);
            return new Outcome(r, List.of(), (System.nanoTime() - start) / 1_000_000);
        } catch (ConfigException e) {
            return Outcome.failed(e.problems().stream().map(RehearsalViewModel::describe).toList());
        }
    }

    private static String describe(ConfigProblem p) {
        return p.line() + ":" + p.column() + ": " + p.path() + ": " + p.message();
    }

    private void show(Outcome outcome) {
        running.set(false);
        problems.setAll(outcome.problems());
        if (outcome.result() == null) {
            status.set("not rehearsed: " + outcome.problems().size() + " problem(s)");
            return;
        }
        result.set(outcome.result());
        summary.set(RehearsalText.write(outcome.result()));
        status.set("rehearsed " + outcome.result().requests() + " requests over " + outcome.result().duration()
                + " in " + outcome.millis() + " ms");
    }

    public StringProperty scenarioProperty() {
        return scenario;
    }

    public ObjectProperty<Source> sourceProperty() {
        return source;
    }

    public BooleanProperty apimProperty() {
        return apim;
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<RehearsalResult> resultProperty() {
        return result.getReadOnlyProperty();
    }

    /** Problems of the last run, as {@code LINE:COLUMN: path: message} or a sentence. */
    public ObservableList<String> problems() {
        return problems;
    }
}
