package dev.switchboard.console.view;

import dev.switchboard.config.ConfigProblem;
import dev.switchboard.console.model.BreakerRuleEdit;
import dev.switchboard.console.model.ConfigEditorModel;
import java.io.File;
import java.io.IOException;
import dev.switchboard.console.model.GatewayListModel;
import dev.switchboard.console.model.GatewayRow;
import javafx.animation.PauseTransition;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import org.controlsfx.control.CheckComboBox;
import javafx.fxml.FXML;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import javafx.util.Duration;

/** The config editor: JSON text with the validator's problems beside it, the diff, open/save and apply. */
public final class ConfigController {

    private static final Duration VALIDATE_AFTER = Duration.millis(300);

    @FXML
    private TextArea editor;
    @FXML
    private ListView<ConfigProblem> problems;
    @FXML
    private ListView<String> diff;
    @FXML
    private Label status;
    @FXML
    private CheckComboBox<String> alsoApplyTo;
    @FXML
    private ComboBox<String> ruleBackend;
    @FXML
    private TextField ruleCount;
    @FXML
    private TextField ruleInterval;
    @FXML
    private TextField ruleTrip;
    private ConfigEditorModel model;

    void init(ConfigEditorModel editorModel, GatewayListModel gateways) {
        model = editorModel;
        gateways.rows().addListener((ListChangeListener<GatewayRow>) c ->
                alsoApplyTo.getItems().setAll(gateways.rows().stream().map(GatewayRow::id).toList()));
        Bindings.bindContent(model.alsoApplyTo(), alsoApplyTo.getCheckModel().getCheckedItems());
        editor.textProperty().bindBidirectional(model.textProperty());
        PauseTransition pause = new PauseTransition(VALIDATE_AFTER);
        pause.setOnFinished(e -> model.validate());
        editor.textProperty().addListener((obs, was, now) -> pause.playFromStart());
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
                editor.positionCaret(offset(editor.getText(), p.line(), p.column()));
                editor.requestFocus();
            }
        });
        diff.setItems(model.diff());
        status.textProperty().bind(model.statusProperty());
        model.parsedProperty().addListener((obs, was, now) -> {
            if (now != null) {
                String keep = ruleBackend.getValue();
                ruleBackend.getItems().setAll(BreakerRuleEdit.backends(editor.getText()));
                ruleBackend.setValue(ruleBackend.getItems().contains(keep) ? keep : null);
            }
        });
        ruleBackend.valueProperty().addListener((obs, was, backend) -> showRule(backend));
    }

    private void showRule(String backend) {
        BreakerRuleEdit.Values v = backend == null ? null : BreakerRuleEdit.read(editor.getText(), backend);
        ruleCount.setText(v == null ? "" : v.count());
        ruleInterval.setText(v == null ? "" : v.interval());
        ruleTrip.setText(v == null ? "" : v.tripDuration());
    }

    @FXML
    void setRule() {
        if (ruleBackend.getValue() == null) {
            model.statusProperty().set("choose the backend whose breaker rule to set");
            return;
        }
        try {
            editor.setText(BreakerRuleEdit.write(editor.getText(), ruleBackend.getValue(),
                    new BreakerRuleEdit.Values(ruleCount.getText(), ruleInterval.getText(), ruleTrip.getText())));
            model.validate();
        } catch (IllegalArgumentException e) {
            model.statusProperty().set(e.getMessage());
        }
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

    @FXML
    void reload() {
        model.reload();
    }

    @FXML
    void apply() {
        model.apply();
    }

    @FXML
    void open() {
        File file = chooser("Open a gateway config").showOpenDialog(window());
        if (file != null) {
            try {
                model.open(file.toPath());
            } catch (IOException e) {
                model.statusProperty().set("cannot open " + file + ": " + e.getMessage());
            }
        }
    }

    @FXML
    void save() {
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
