package dev.switchboard.console.config;

import dev.switchboard.config.ConfigProblem;
import dev.switchboard.config.ConfigWriter;
import dev.switchboard.config.GatewayConfig;
import dev.switchboard.console.apim.ApimImportDialog;
import dev.switchboard.console.config.form.ConfigFormModel;
import dev.switchboard.console.config.form.JsonPath;
import dev.switchboard.console.gateways.GatewayListModel;
import dev.switchboard.console.gateways.GatewayRow;
import dev.switchboard.console.rehearsal.ChangeRehearsal;
import java.io.File;
import java.io.IOException;
import java.util.Optional;
import java.util.concurrent.Executor;
import javafx.animation.PauseTransition;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextArea;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import javafx.util.Duration;
import org.controlsfx.control.CheckComboBox;

/**
 * The config editor: forms and the JSON source of one working text, the validator's problems beside them, the diff,
 * open/save and apply. Apply is disabled while the text has problems.
 */
public final class ConfigController {

    private static final Duration VALIDATE_AFTER = Duration.millis(300);

    @FXML
    private TabPane views;
    @FXML
    private Tab formsTab;
    @FXML
    private Tab sourceTab;
    @FXML
    private ConfigFormsController formsController;
    @FXML
    private TextArea editor;
    @FXML
    private ListView<ConfigProblem> problems;
    @FXML
    private ListView<String> diff;
    @FXML
    private Label status;
    @FXML
    private Button applyButton;
    @FXML
    private Button rehearseButton;
    @FXML
    private CheckComboBox<String> alsoApplyTo;
    @FXML
    private VBox rebaseBar;
    @FXML
    private Label rebaseMessage;
    @FXML
    private ListView<String> rebaseDiff;
    private ConfigEditorModel model;
    private ConfigFormModel forms;
    /** Where "Rehearse this change…" runs its rehearsal (CPU work, off the FX thread). */
    private Executor worker;

    public void init(ConfigEditorModel editorModel, GatewayListModel gateways, Executor rehearsalWorker) {
        model = editorModel;
        worker = rehearsalWorker;
        forms = new ConfigFormModel(model.textProperty(), model.problems(), model.statusProperty());
        formsController.init(forms, model.problems());
        gateways.rows().addListener((ListChangeListener<GatewayRow>) c ->
                alsoApplyTo.getItems().setAll(gateways.rows().stream().map(GatewayRow::id).toList()));
        Bindings.bindContent(model.alsoApplyTo(), alsoApplyTo.getCheckModel().getCheckedItems());
        editor.textProperty().bindBidirectional(model.textProperty());
        // Typed in a form or in the source alike, the text is validated once typing pauses.
        PauseTransition pause = new PauseTransition(VALIDATE_AFTER);
        pause.setOnFinished(e -> model.validate());
        model.textProperty().addListener((obs, was, now) -> pause.playFromStart());
        applyButton.disableProperty().bind(model.parsedProperty().isNull());
        rehearseButton.disableProperty().bind(model.parsedProperty().isNull());
        problems.setItems(model.problems());
        problems.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(ConfigProblem p, boolean empty) {
                super.updateItem(p, empty);
                setText(empty || p == null ? null : "line " + p.line() + ", col " + p.column() + " · " + p.path() + ": " + p.message());
                getStyleClass().remove("problem");
                if (!empty) {
                    getStyleClass().add("problem");
                }
            }
        });
        problems.getSelectionModel().selectedItemProperty().addListener((obs, was, p) -> {
            if (p != null) {
                show(p);
            }
        });
        diff.setItems(model.diff());
        status.textProperty().bind(model.statusProperty());
        model.rebaseOfferProperty().addListener((obs, was, offer) -> {
            rebaseBar.setVisible(offer != null);
            rebaseBar.setManaged(offer != null);
            rebaseMessage.setText(offer == null ? "" : "The gateway moved to version " + offer.theirs().version()
                    + " while you were editing. Its change, from the version your edits started from:");
            rebaseDiff.getItems().setAll(offer == null ? java.util.List.of() : offer.diff().stream()
                    .filter(l -> l.startsWith("+") || l.startsWith("-")).toList());
        });
    }

    /** In the forms when they are shown and have a place for the problem, else at its line in the source. */
    private void show(ConfigProblem p) {
        if (views.getSelectionModel().getSelectedItem() == formsTab) {
            Optional<JsonPath> at = forms.reveal(p);
            if (at.isPresent()) {
                formsController.focus(at.get());
                return;
            }
        }
        views.getSelectionModel().select(sourceTab);
        editor.positionCaret(offset(editor.getText(), p.line(), p.column()));
        editor.requestFocus();
    }

    /** Character offset of a 1-based line and column, clamped to the text. */
    static int offset(String text, int line, int column) {
        int at = 0;
        for (int l = 1; l < line; l++) {
            int next = text.indexOf('\n', at);
            if (next < 0) {
                return text.length();
            }
            at = next + 1;
        }
        int lineEnd = text.indexOf('\n', at);
        return Math.min(at + Math.max(0, column - 1), lineEnd < 0 ? text.length() : lineEnd);
    }

    /** Asks first when there are edits the reload would discard. */
    @FXML
    void reload() {
        if (!model.edited() || ConfirmDialogs.discardEdits(window())) {
            model.reload();
        }
    }

    @FXML
    void rebase() {
        model.rebase();
    }

    @FXML
    void discardEdits() {
        model.reload();
    }

    /**
     * Applies after the operator saw, for every gateway the Apply goes to, which overrides will still win there and the
     * traffic split it leads to (or that its dry run failed).
     */
    @FXML
    public void apply() {
        model.preview().thenAccept(previews -> {
            if (!previews.isEmpty() && ConfirmDialogs.apply(window(), previews)) {
                model.apply();
            }
        });
    }

    /** Rehearses the draft and applies it only when the operator confirms after seeing the result. */
    @FXML
    void rehearse() {
        GatewayConfig draft = model.parsedProperty().get();
        if (draft != null) {
            ChangeRehearsal.offer(window(), draft, worker, this::apply);
        }
    }

    @FXML
    public void open() {
        File file = chooser("Open a gateway config").showOpenDialog(window());
        if (file != null) {
            try {
                model.open(file.toPath());
            } catch (IOException e) {
                model.statusProperty().set("cannot open " + file + ": " + e.getMessage());
            }
        }
    }

    /** Imports APIM files, shows the report and, when confirmed, puts the config into the editor (not applied). */
    public void importApim() {
        ApimImportDialog.ask(window()).ifPresent(result ->
                model.openImported(ConfigWriter.toJson(result.config()), "from APIM: " + result.report().summary()));
    }

    @FXML
    public void save() {
        File file = chooser("Save the config as").showSaveDialog(window());
        if (file != null) {
            try {
                model.save(file.toPath());
            } catch (IOException e) {
                model.statusProperty().set("cannot save " + file + ": " + e.getMessage());
            }
        }
    }

    private static FileChooser chooser(String title) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Gateway config (JSON)", "*.json"));
        return chooser;
    }

    private Window window() {
        return editor.getScene().getWindow();
    }
}
