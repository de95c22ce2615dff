package dev.switchboard.console.config;

import dev.switchboard.console.config.form.ConfigFormModel;
import dev.switchboard.console.config.form.FormField;
import dev.switchboard.console.config.form.JsonPath;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.ObjectBinding;
import javafx.collections.ListChangeListener;
import javafx.css.PseudoClass;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import org.controlsfx.control.CheckComboBox;

/**
 * One form field on screen: a control of the field's kind that writes every change into the form model, and the
 * validator's message for the field below it.
 */
final class FieldEditor {

    private static final PseudoClass INVALID = PseudoClass.getPseudoClass("invalid");

    private final FormField field;
    private final ConfigFormModel model;
    private final Control control;
    private final Label problem;
    private final Consumer<String> show;
    /** Set while the control shows the document's value, so showing it does not write it back. */
    private boolean showing;

    FieldEditor(FormField field, ConfigFormModel model) {
        this.field = field;
        this.model = model;
        Consumer<String> edit = text -> {
            if (!showing) {
                model.edit(field, text);
            }
        };
        switch (field.kind()) {
            case FLAG -> {
                CheckBox box = new CheckBox();
                box.selectedProperty().addListener((obs, was, now) -> edit.accept(String.valueOf(now)));
                show = v -> box.setSelected((v.isEmpty() ? field.fallback() : v).equals("true"));
                control = box;
            }
            case CHOICE -> {
                ComboBox<String> combo = new ComboBox<>();
                combo.getItems().setAll(field.choices());
                combo.setPromptText(field.fallback());
                combo.valueProperty().addListener((obs, was, now) -> edit.accept(now == null ? "" : now));
                show = v -> combo.setValue(v.isEmpty() ? null : v);
                control = combo;
            }
            case NAMES -> {
                CheckComboBox<String> names = new CheckComboBox<>();
                names.getItems().setAll(field.choices());
                names.getCheckModel().getCheckedItems().addListener((ListChangeListener<String>) c ->
                        edit.accept(String.join(", ", names.getCheckModel().getCheckedItems())));
                show = v -> {
                    names.getCheckModel().clearChecks();
                    List.of(v.split(",\\s*")).stream().filter(names.getItems()::contains).forEach(names.getCheckModel()::check);
                };
                control = names;
            }
            default -> {
                TextField text = new TextField();
                text.setPromptText(field.fallback());
                text.textProperty().addListener((obs, was, now) -> edit.accept(now));
                show = v -> {
                    if (!text.getText().equals(v)) {
                        text.setText(v);
                    }
                };
                control = text;
            }
        }
        control.setId(id("field-", field.path()));
        control.setTooltip(new Tooltip(field.help()));
        control.setMaxWidth(Double.MAX_VALUE);
        problem = problemLabel(model, field.path());
        problem.setId(id("problem-", field.path()));
        problem.textProperty().addListener((obs, was, now) -> control.pseudoClassStateChanged(INVALID, now != null));
        control.pseudoClassStateChanged(INVALID, problem.getText() != null);
        refresh();
    }

    /** The validator's messages placed at {@code path}; hidden while there are none. */
    static Label problemLabel(ConfigFormModel model, JsonPath path) {
        ObjectBinding<String> message = Bindings.valueAt(model.placedProblems(), path);
        Label label = new Label();
        label.getStyleClass().add("problem");
        label.setWrapText(true);
        label.textProperty().bind(message);
        label.visibleProperty().bind(message.isNotNull());
        label.managedProperty().bind(message.isNotNull());
        return label;
    }

    /** Shows the document's value, e.g. after the text changed in the Source tab. */
    void refresh() {
        showing = true;
        try {
            show.accept(model.value(field));
        } finally {
            showing = false;
        }
    }

    Control control() {
        return control;
    }

    Label problem() {
        return problem;
    }

    /** A node id for a document path, usable in CSS selectors: {@code field-backends-a-pool-services-0-weight}. */
    static String id(String prefix, JsonPath path) {
        return prefix + path.toString().replaceAll("[^A-Za-z0-9_]+", "-").replaceAll("-$", "");
    }
}
