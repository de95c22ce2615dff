package dev.switchboard.console.pools;

import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.stage.Window;

/** Asks before a dangerous card action, showing its {@link ActionPreview}. */
final class ConfirmAction {

    private ConfirmAction() {
    }

    /** True when the operator confirmed; a null preview (nothing dangerous) needs no question. */
    static boolean confirmed(Window owner, ActionPreview preview) {
        if (preview == null) {
            return true;
        }
        Label split = new Label("Share of new requests, now \u2192 after:\n" + String.join("\n", preview.lines()));
        split.setId("action-preview-split");
        split.setWrapText(true);
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, "", ButtonType.OK, ButtonType.CANCEL);
        alert.initOwner(owner);
        alert.setTitle("Confirm");
        alert.getDialogPane().setId("action-preview");
        alert.setHeaderText(preview.header() + "?");
        alert.getDialogPane().setContent(split);
        return alert.showAndWait().orElse(ButtonType.CANCEL) == ButtonType.OK;
    }
}
