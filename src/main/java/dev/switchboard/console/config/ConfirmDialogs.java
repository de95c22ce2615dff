package dev.switchboard.console.config;

import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/** The Config tab's questions before it acts: apply (with what it leads to) and discard edits. */
final class ConfirmDialogs {

    private ConfirmDialogs() {
    }

    /** Shows the overrides that keep winning and the resulting split; true when the operator applies. */
    static boolean apply(Window owner, ApplyPreview preview) {
        Alert confirm = new Alert(Alert.AlertType.CONFIRMATION);
        confirm.initOwner(owner);
        confirm.setTitle("Apply the config");
        confirm.setHeaderText(preview.stillWinning().isEmpty() ? "Apply the config? No runtime override shadows it."
                : preview.stillWinning().size() + " runtime override(s) will still win over the new config.");
        Label winning = new Label(String.join("\n", preview.stillWinning()));
        winning.setId("apply-overrides-winning");
        winning.setWrapText(true);
        Label split = new Label("Traffic split after applying:\n" + String.join("\n", preview.split()));
        split.setId("apply-split");
        split.setWrapText(true);
        confirm.getDialogPane().setContent(new VBox(10, winning, split));
        ((javafx.scene.control.Button) confirm.getDialogPane().lookupButton(ButtonType.OK)).setText("Apply");
        confirm.getDialogPane().lookupButton(ButtonType.OK).setId("confirm-apply");
        confirm.getDialogPane().lookupButton(ButtonType.CANCEL).setId("cancel-apply");
        return confirm.showAndWait().filter(ButtonType.OK::equals).isPresent();
    }

    /** True when the operator agrees to lose the unapplied edits. */
    static boolean discardEdits(Window owner) {
        Alert confirm = new Alert(Alert.AlertType.CONFIRMATION);
        confirm.initOwner(owner);
        confirm.setTitle("Reload from the gateway");
        confirm.setHeaderText("Discard your unapplied edits and load the config the gateway runs now?");
        confirm.getDialogPane().lookupButton(ButtonType.OK).setId("confirm-reload");
        confirm.getDialogPane().lookupButton(ButtonType.CANCEL).setId("cancel-reload");
        return confirm.showAndWait().filter(ButtonType.OK::equals).isPresent();
    }
}
