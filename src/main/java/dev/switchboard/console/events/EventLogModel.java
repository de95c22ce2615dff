package dev.switchboard.console.events;

import dev.switchboard.console.feed.ConsoleEvent;
import dev.switchboard.console.feed.EventKind;
import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.function.Predicate;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

/** The event log: bounded, filterable by gateway, backend and kind, exportable as CSV. */
public final class EventLogModel {

    static final int MAX_EVENTS = 5_000;

    private final ObservableList<ConsoleEvent> all = FXCollections.observableArrayList();
    private final FilteredList<ConsoleEvent> shown = new FilteredList<>(all);
    /** Null shows every gateway. */
    private final StringProperty gateway = new SimpleStringProperty();
    /** Substring of the backend id; empty shows every backend. */
    private final StringProperty backend = new SimpleStringProperty("");
    /** Null shows every kind. */
    private final ObjectProperty<EventKind> kind = new SimpleObjectProperty<>();

    public EventLogModel() {
        shown.predicateProperty().bind(Bindings.createObjectBinding(this::filter, gateway, backend, kind));
    }

    private Predicate<ConsoleEvent> filter() {
        String g = gateway.get();
        String b = backend.get() == null ? "" : backend.get().strip();
        EventKind k = kind.get();
        return e -> (g == null || g.equals(e.gatewayId())) && namesBackend(e, b) && (k == null || k == e.kind());
    }

    /**
     * An operator's change is a gateway-wide row (its target is in the message, as the audit record words it), so it
     * stays when the filter names the backend it changed.
     */
    private static boolean namesBackend(ConsoleEvent e, String backend) {
        return e.backendId().contains(backend)
                || e.kind() == EventKind.OPERATOR && e.backendId().isEmpty() && e.message().contains(backend);
    }

    public void addAll(List<ConsoleEvent> events) {
        all.addAll(events);
        if (all.size() > MAX_EVENTS) {
            all.remove(0, all.size() - MAX_EVENTS);
        }
    }

    /** Writes the events the filter shows, oldest first, as RFC 4180 CSV. */
    public void writeCsv(Writer out) throws IOException {
        out.write("time,gateway,backend,kind,message\r\n");
        for (ConsoleEvent e : shown) {
            out.write(String.join(",", e.at().toString(), csv(e.gatewayId()), csv(e.backendId()), e.kind().name(),
                    csv(e.message())) + "\r\n");
        }
    }

    static String csv(String field) {
        boolean quote = field.contains(",") || field.contains("\"") || field.contains("\n") || field.contains("\r");
        return quote ? "\"" + field.replace("\"", "\"\"") + "\"" : field;
    }

    public ObservableList<ConsoleEvent> shown() {
        return shown;
    }

    public StringProperty gatewayFilterProperty() {
        return gateway;
    }

    public StringProperty backendFilterProperty() {
        return backend;
    }

    public ObjectProperty<EventKind> kindFilterProperty() {
        return kind;
    }
}
