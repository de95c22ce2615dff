package dev.switchboard.console.config;

import dev.switchboard.config.ConfigProblem;
import dev.switchboard.console.config.form.Addition;
import dev.switchboard.console.config.form.ConfigFormModel;
import dev.switchboard.console.config.form.FormField;
import dev.switchboard.console.config.form.FormSection;
import dev.switchboard.console.config.form.JsonPath;
import dev.switchboard.console.config.form.OutlineItem;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.fxml.FXML;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextInputDialog;
import javafx.scene.control.Tooltip;
import javafx.scene.control.TreeCell;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The config editor's forms: the outline of backends, pools and APIs on the left, the selected item's form on the
 * right, each field with the validator's message below it.
 */
public final class ConfigFormsController {

    @FXML
    private TreeView<Object> outline;
    @FXML
    private Button removeItemButton;
    @FXML
    private ScrollPane scroll;
    @FXML
    private VBox form;
    private ConfigFormModel model;
    private final Map<OutlineItem.Kind, TreeItem<Object>> groups = new EnumMap<>(OutlineItem.Kind.class);
    private final List<FieldEditor> editors = new ArrayList<>();
    private final FlowPane additions = new FlowPane(6, 6);
    /** Set while the tree follows the model, so its own selection events are not taken as the operator's. */
    private boolean following;

    void init(ConfigFormModel formModel, ObservableList<ConfigProblem> problems) {
        model = formModel;
        TreeItem<Object> root = new TreeItem<>();
        for (OutlineItem.Kind kind : OutlineItem.Kind.values()) {
            TreeItem<Object> group = new TreeItem<>(kind.group());
            group.setExpanded(true);
            groups.put(kind, group);
            root.getChildren().add(group);
        }
        outline.setRoot(root);
        outline.setCellFactory(v -> new OutlineCell());
        outline.getSelectionModel().selectedItemProperty().addListener((obs, was, now) -> {
            if (!following && now != null) {
                // A group heading selects nothing, so the previous item's form does not stay open beside it.
                model.selectedProperty().set(now.getValue() instanceof OutlineItem item ? item : null);
            }
        });
        removeItemButton.disableProperty().bind(model.selectedProperty().isNull());
        model.outline().addListener((ListChangeListener<OutlineItem>) c -> showOutline());
        model.selectedProperty().addListener((obs, was, now) -> followSelection());
        // Problem counts in the outline change with every validation.
        problems.addListener((ListChangeListener<ConfigProblem>) c -> outline.refresh());
        model.sections().addListener((ListChangeListener<FormSection>) c -> showForm());
        // Apart from the sections: an addition's template follows values (the next member's backend and weight),
        // and rebuilding the fields would take the focus from the one being typed in.
        model.additions().addListener((ListChangeListener<Addition>) c -> showAdditions());
        model.editableProperty().addListener((obs, was, now) -> showForm());
        model.valuesProperty().addListener((obs, was, now) -> editors.forEach(FieldEditor::refresh));
        showOutline();
        showForm();
    }

    /** Updates the tree in place when only names changed, so renaming an API keeps its row selected. */
    private void showOutline() {
        following = true;
        try {
            for (OutlineItem.Kind kind : OutlineItem.Kind.values()) {
                List<OutlineItem> items = model.outline().stream().filter(i -> i.kind() == kind).toList();
                ObservableList<TreeItem<Object>> rows = groups.get(kind).getChildren();
                if (rows.size() == items.size() && sameplaces(rows, items)) {
                    for (int i = 0; i < items.size(); i++) {
                        rows.get(i).setValue(items.get(i));
                    }
                } else {
                    rows.setAll(items.stream().map(i -> new TreeItem<Object>(i)).toList());
                }
            }
        } finally {
            following = false;
        }
        followSelection();
    }

    private static boolean sameplaces(List<TreeItem<Object>> rows, List<OutlineItem> items) {
        for (int i = 0; i < items.size(); i++) {
            if (!(rows.get(i).getValue() instanceof OutlineItem shown) || !shown.path().equals(items.get(i).path())) {
                return false;
            }
        }
        return true;
    }

    private void followSelection() {
        OutlineItem selected = model.selectedProperty().get();
        TreeItem<Object> shown = outline.getSelectionModel().getSelectedItem();
        if (selected == null && shown != null && !(shown.getValue() instanceof OutlineItem)) {
            return; // a group heading the operator clicked stays highlighted
        }
        following = true;
        try {
            groups.values().stream().flatMap(g -> g.getChildren().stream()).filter(r -> r.getValue().equals(selected))
                    .findFirst().ifPresentOrElse(outline.getSelectionModel()::select, outline.getSelectionModel()::clearSelection);
        } finally {
            following = false;
        }
    }

    private void showForm() {
        editors.clear();
        form.getChildren().clear();
        if (!model.editableProperty().get()) {
            form.getChildren().add(hint("No config to edit: reload one from a gateway or open a file; or the text is not "
                    + "JSON the forms can rewrite (see Problems), which the Source tab can fix."));
            return;
        }
        if (model.sections().isEmpty()) {
            form.getChildren().add(hint("Select a backend, pool or API on the left, or add one."));
            return;
        }
        model.sections().forEach(s -> form.getChildren().add(section(s)));
        form.getChildren().add(additions);
        showAdditions();
    }

    private void showAdditions() {
        additions.getChildren().clear();
        for (Addition addition : model.additions()) {
            Button add = new Button(addition.label());
            add.setId("add-" + addition.label().toLowerCase(Locale.ROOT).replace(' ', '-'));
            add.setTooltip(new Tooltip(addition.help()));
            add.setOnAction(e -> model.add(addition));
            additions.getChildren().add(add);
        }
    }

    private Node section(FormSection section) {
        Label title = new Label(section.title());
        title.getStyleClass().add("section-title");
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox header = new HBox(8, title, gap);
        if (section.removes() != null) {
            Button remove = new Button("Remove");
            remove.setId(FieldEditor.id("remove-", section.path()));
            remove.setTooltip(new Tooltip("Remove this " + section.title().toLowerCase(Locale.ROOT).replaceAll(" \\d+$", "")
                    + " from the text"));
            remove.setOnAction(e -> model.remove(section));
            header.getChildren().add(remove);
        }
        VBox box = new VBox(4, header);
        box.setId(FieldEditor.id("section-", section.path()));
        box.getStyleClass().add("form-section");
        box.getChildren().add(FieldEditor.problemLabel(model, section.path()));
        if (!section.note().isEmpty()) {
            Label note = new Label(section.note());
            note.getStyleClass().add("reason");
            note.setWrapText(true);
            box.getChildren().add(note);
        }
        GridPane grid = new GridPane(8, 2);
        ColumnConstraints labels = new ColumnConstraints();
        // Labels keep their width; the controls give way when the pane is narrow.
        labels.setMinWidth(Region.USE_PREF_SIZE);
        grid.getColumnConstraints().addAll(labels, new ColumnConstraints(100, 260, Double.MAX_VALUE,
                Priority.ALWAYS, null, true));
        int row = 0;
        for (FormField field : section.fields()) {
            FieldEditor editor = new FieldEditor(field, model);
            editors.add(editor);
            Label label = new Label(field.label());
            label.setLabelFor(editor.control());
            label.setTooltip(new Tooltip(field.help()));
            grid.addRow(row++, label, editor.control());
            grid.add(editor.problem(), 1, row++);
        }
        box.getChildren().add(grid);
        return box;
    }

    private static Label hint(String text) {
        Label hint = new Label(text);
        hint.setWrapText(true);
        return hint;
    }

    /** Scrolls to the field or section at {@code path} and focuses it. */
    void focus(JsonPath path) {
        Node node = form.lookup("#" + FieldEditor.id("field-", path));
        if (node == null) {
            node = form.lookup("#" + FieldEditor.id("section-", path));
        }
        if (node == null) {
            return;
        }
        form.applyCss();
        form.layout();
        Bounds bounds = form.sceneToLocal(node.localToScene(node.getBoundsInLocal()));
        double hidden = form.getHeight() - scroll.getViewportBounds().getHeight();
        if (hidden > 0) {
            scroll.setVvalue(Math.clamp(bounds.getMinY() / hidden, 0, 1));
        }
        node.requestFocus();
    }

    @FXML
    void addBackend() {
        askAndAdd(OutlineItem.Kind.BACKEND, "backend id, e.g. orders-east-3");
    }

    @FXML
    void addPool() {
        askAndAdd(OutlineItem.Kind.POOL, "pool id, e.g. orders");
    }

    @FXML
    void addApi() {
        askAndAdd(OutlineItem.Kind.API, "API name, e.g. orders (its path starts as /orders)");
    }

    private void askAndAdd(OutlineItem.Kind kind, String what) {
        TextInputDialog dialog = new TextInputDialog();
        dialog.initOwner(form.getScene().getWindow());
        dialog.setTitle("Add to the config");
        dialog.setHeaderText("New " + kind.name().toLowerCase(Locale.ROOT));
        dialog.setContentText(what);
        dialog.showAndWait().ifPresent(id -> model.addItem(kind, id));
    }

    @FXML
    void removeItem() {
        OutlineItem item = model.selectedProperty().get();
        if (item != null) {
            model.removeItem(item);
        }
    }

    private final class OutlineCell extends TreeCell<Object> {
        @Override
        protected void updateItem(Object value, boolean empty) {
            super.updateItem(value, empty);
            getStyleClass().remove("problem");
            setTooltip(null);
            if (empty || value == null) {
                setText(null);
            } else if (value instanceof OutlineItem item) {
                long count = model.problemCount(item);
                setText(count == 0 ? item.id() : item.id() + " (" + count + ")");
                if (count > 0) {
                    getStyleClass().add("problem");
                    setTooltip(new Tooltip(count + " problem(s) in " + item.id() + ": see the form or the Problems list"));
                }
            } else {
                setText(value.toString());
            }
        }
    }
}
