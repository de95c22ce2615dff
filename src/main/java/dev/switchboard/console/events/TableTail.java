package dev.switchboard.console.events;

import dev.switchboard.console.common.Showing;
import javafx.application.Platform;
import javafx.scene.control.IndexedCell;
import javafx.scene.control.TableView;
import javafx.scene.control.skin.VirtualFlow;

/**
 * Keeps a log table scrolled to its newest row while the operator is reading the tail. Scrolling lays out cells, so
 * it happens at most once a pulse and only while the table is on screen; a hidden table catches up when shown.
 */
final class TableTail {

    private final TableView<?> table;
    private boolean following = true;
    private boolean scheduled;
    private int knownSize;

    TableTail(TableView<?> table) {
        this.table = table;
    }

    /** The rows changed: keep following if the last row seen was on screen (or nothing was drawn yet). */
    void changed() {
        if (Showing.isShowing(table)) {
            following = lastRowVisible();
        }
        if (following) {
            schedule();
        }
        knownSize = table.getItems().size();
    }

    void shown() {
        if (following) {
            schedule();
        }
    }

    private boolean lastRowVisible() {
        if (!(table.lookup(".virtual-flow") instanceof VirtualFlow<?> flow)) {
            return true;
        }
        IndexedCell<?> last = flow.getLastVisibleCell();
        return last == null || last.getIndex() >= knownSize - 1;
    }

    private void schedule() {
        if (scheduled || !Showing.isShowing(table)) {
            return;
        }
        scheduled = true;
        Platform.runLater(() -> {
            scheduled = false;
            knownSize = table.getItems().size();
            table.scrollTo(knownSize - 1);
        });
    }
}
