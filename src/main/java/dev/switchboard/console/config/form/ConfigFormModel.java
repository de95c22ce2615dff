package dev.switchboard.console.config.form;

import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.config.ConfigProblem;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.collections.ObservableMap;

/**
 * The config editor's forms: an outline of the text's backends, pools and APIs, the form of the selected one, and
 * the validator's problems placed at the field (or section) they belong to. A form edit rewrites the editor's text,
 * which stays the one source: the editor validates, diffs and applies it like any other edit.
 */
public final class ConfigFormModel {

    private final StringProperty text;
    private final ObservableList<ConfigProblem> problems;
    private final StringProperty status;
    private final ObservableList<OutlineItem> outline = FXCollections.observableArrayList();
    private final ObjectProperty<OutlineItem> selected = new SimpleObjectProperty<>();
    private final ObservableList<FormSection> sections = FXCollections.observableArrayList();
    private final ObservableList<Addition> additions = FXCollections.observableArrayList();
    private final ObservableMap<JsonPath, String> placed = FXCollections.observableHashMap();
    private final ReadOnlyBooleanWrapper editable = new ReadOnlyBooleanWrapper();
    private final ReadOnlyLongWrapper values = new ReadOnlyLongWrapper();
    private ConfigDocument document;
    private boolean writing;

    /**
     * @param text     the editor's text, which form edits rewrite
     * @param problems the validator's problems with that text
     * @param status   where a refused form action says why
     */
    public ConfigFormModel(StringProperty text, ObservableList<ConfigProblem> problems, StringProperty status) {
        this.text = text;
        this.problems = problems;
        this.status = status;
        text.addListener((obs, was, now) -> {
            if (!writing) {
                reread();
            }
        });
        selected.addListener((obs, was, now) -> showSelected());
        problems.addListener((ListChangeListener<ConfigProblem>) c -> place());
        reread();
    }

    /** The text changed outside the forms (typed in Source, loaded, opened): everything shown may differ. */
    private void reread() {
        document = ConfigDocument.parse(text.get()).orElse(null);
        editable.set(document != null);
        if (document != null) {
            refreshOutline();
        }
        showSelected();
        values.set(values.get() + 1);
    }

    private void refreshOutline() {
        List<OutlineItem> items = ConfigOutline.items(document);
        if (!items.equals(outline)) {
            outline.setAll(items);
        }
        OutlineItem was = selected.get();
        // Kept by name; an API renamed in its own form is still the one at the same place; else the first item.
        selected.set(items.stream().filter(i -> was != null && i.kind() == was.kind() && i.id().equals(was.id()))
                .findFirst()
                .or(() -> items.stream().filter(i -> was != null && i.kind() == was.kind() && i.path().equals(was.path()))
                        .findFirst())
                .orElse(items.isEmpty() ? null : items.getFirst()));
    }

    private void showSelected() {
        OutlineItem item = selected.get();
        boolean shown = document != null && item != null && outline.contains(item);
        List<FormSection> nowSections = shown ? ItemForms.sections(document, item, outline) : List.of();
        List<Addition> nowAdditions = shown ? ItemForms.additions(document, item, outline) : List.of();
        // Replaced only when the structure changed, so typing in a field does not rebuild the form around it.
        if (!nowSections.equals(sections)) {
            sections.setAll(nowSections);
        }
        if (!nowAdditions.equals(additions)) {
            additions.setAll(nowAdditions);
        }
        place();
    }

    private void place() {
        Map<JsonPath, String> now = ProblemPlacement.place(places(), problems);
        placed.keySet().retainAll(now.keySet());
        placed.putAll(now);
    }

    private List<JsonPath> places() {
        List<JsonPath> places = new ArrayList<>();
        for (FormSection s : sections) {
            places.add(s.path());
            s.fields().forEach(f -> places.add(f.path()));
        }
        return places;
    }

    /** The text a field shows now. */
    public String value(FormField field) {
        return document == null ? "" : field.kind().read(document.at(field.path()));
    }

    /** Writes typed text into the document; the validator judges it with the next validation. */
    public void edit(FormField field, String value) {
        if (document != null && !value.equals(value(field))) {
            change(d -> {
                d.set(field.path(), field.kind().write(value));
                return "";
            });
        }
    }

    public void add(Addition addition) {
        change(d -> {
            JsonNode copy = addition.template().deepCopy();
            if (addition.append()) {
                d.append(addition.path(), copy);
            } else {
                d.set(addition.path(), copy);
            }
            return "";
        });
    }

    /** Removes a removable section: a breaker rule, a pool member, a probe, a retry policy... */
    public void remove(FormSection section) {
        if (section.removes() != null) {
            change(d -> {
                d.remove(section.removes());
                return "";
            });
        }
    }

    /** Adds an empty backend, pool or API and selects it; the validator then asks for what it needs. */
    public void addItem(OutlineItem.Kind kind, String id) {
        String name = id == null ? "" : id.strip();
        change(d -> ConfigOutline.add(d, outline, kind, name));
        outline.stream().filter(i -> i.kind() == kind && i.id().equals(name)).findFirst().ifPresent(selected::set);
    }

    /** Removes an item; references to it then show up as problems where they are. */
    public void removeItem(OutlineItem item) {
        selected.set(null);
        change(d -> {
            d.remove(item.path());
            return "";
        });
    }

    /** @param edit changes the document and returns why it could not, or empty */
    private void change(Function<ConfigDocument, String> edit) {
        if (document == null) {
            status.set("the forms need the text to be JSON: fix it in the Source tab first");
            return;
        }
        String refused;
        try {
            refused = edit.apply(document);
        } catch (IllegalArgumentException e) {
            refused = e.getMessage();
        }
        if (!refused.isEmpty()) {
            status.set(refused);
            reread();
            return;
        }
        writing = true;
        try {
            text.set(document.text());
        } finally {
            writing = false;
        }
        refreshOutline();
        showSelected();
    }

    /** Selects the item a problem is in; the place in its form that shows the problem, if any. */
    public Optional<JsonPath> reveal(ConfigProblem problem) {
        OutlineItem item = outline.stream().filter(i -> i.path().contains(problem.path())).findFirst().orElse(null);
        if (item == null) {
            return Optional.empty();
        }
        selected.set(item);
        return Optional.ofNullable(ProblemPlacement.deepest(places(), problem.path()));
    }

    /** Problems inside an item, for the outline. */
    public long problemCount(OutlineItem item) {
        return problems.stream().filter(p -> item.path().contains(p.path())).count();
    }

    public ObservableList<OutlineItem> outline() {
        return outline;
    }

    public ObjectProperty<OutlineItem> selectedProperty() {
        return selected;
    }

    /** The selected item's form; replaced only when its structure changes. */
    public ObservableList<FormSection> sections() {
        return sections;
    }

    public ObservableList<Addition> additions() {
        return additions;
    }

    /** The validator's messages by the field or section path that shows them (one message per line). */
    public ObservableMap<JsonPath, String> placedProblems() {
        return placed;
    }

    /** False while the text is not JSON the forms can rewrite (a syntax error, a duplicate key). */
    public ReadOnlyBooleanProperty editableProperty() {
        return editable.getReadOnlyProperty();
    }

    /** Increases when the text changed outside the forms, so the fields must show the values again. */
    public ReadOnlyLongProperty valuesProperty() {
        return values.getReadOnlyProperty();
    }
}
