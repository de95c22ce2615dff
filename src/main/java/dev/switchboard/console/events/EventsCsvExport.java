package dev.switchboard.console.events;

import java.io.File;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.function.Consumer;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/** File > Export events: the event log as CSV, to a file the operator picks. */
public final class EventsCsvExport {

    private EventsCsvExport() {
    }

    /** Asks where, writes, and tells {@code outcome} what happened; nothing when the operator cancels. */
    public static void ask(Window owner, EventLogModel events, Consumer<String> outcome) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export events as CSV");
        chooser.setInitialFileName("switchboard-events.csv");
        File file = chooser.showSaveDialog(owner);
        if (file == null) {
            return;
        }
        try (Writer out = Files.newBufferedWriter(file.toPath(), StandardCharsets.UTF_8)) {
            events.writeCsv(out);
            outcome.accept("events exported to " + file);
        } catch (IOException e) {
            outcome.accept("could not export events: " + e.getMessage());
        }
    }
}
