package dev.switchboard.console.config;

import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/** The Config tab's questions before it acts: apply (with what it leads to) and discard edits. */
final class ConfirmDialogs {

    private ConfirmDialogs() {
    }

    /**
     * Shows, per gateway the Apply goes to, the overrides that keep winning there and the split before and after, or
     * why its dry run failed; true when the operator applies (possible while at least one dry run succeeded).
     */
    static boolean apply(Window owner, List<GatewayApplyPreview> previews) {
        Alert confirm = new Alert(Alert.AlertType.CONFIRMATION);
        confirm.initOwner(owner);
        confirm.setTitle("Apply the config");
        confirm.setHeaderText(header(previews));
        VBox sections = new VBox(14);
        previews.forEach(p -> sections.getChildren().add(section(p)));
        ScrollPane scroll = new ScrollPane(sections);
        scroll.setFitToWidth(true);
        scroll.setPrefViewportHeight(Math.min(480, 150 * previews.size()));
        confirm.getDialogPane().setContent(scroll);
        confirm.getDialogPane().setPrefWidth(640);
        Button apply = (Button) confirm.getDialogPane().lookupButton(ButtonType.OK);
        apply.setText("Apply");
        apply.setId("confirm-apply");
        apply.setDisable(previews.stream().allMatch(GatewayApplyPreview::failed));
        confirm.getDialogPane().lookupButton(ButtonType.CANCEL).setId("cancel-apply");
        return confirm.showAndWait().filter(ButtonType.OK::equals).isPresent();
    }

    private static String header(List<GatewayApplyPreview> previews) {
        long failed = previews.stream().filter(GatewayApplyPreview::failed).count();
        int winning = previews.stream().filter(p -> !p.failed()).mapToInt(p -> p.preview().stillWinning().size()).sum();
        String to = previews.size() == 1 ? "Apply the config to " + previews.getFirst().gatewayId() + "?"
                : "Apply the config to " + previews.size() + " gateways?";
        return to + (winning == 0 ? " No runtime override shadows it." : " " + winning
                + " runtime override(s) will still win over it.")
                + (failed == 0 ? "" : " " + failed + " gateway(s) could not check it and would refuse it.");
    }

    /** One gateway: its name, then what the config leads to there or why that is not known. */
    private static Node section(GatewayApplyPreview p) {
        Label name = new Label(p.gatewayId());
        name.getStyleClass().add("apply-gateway");
        name.setStyle("-fx-font-weight: bold");
        VBox box = new VBox(4, name);
        box.setId("apply-preview-" + p.gatewayId());
        if (p.failed()) {
            box.getChildren().add(wrapped("apply-failed-" + p.gatewayId(), "Dry run failed: " + p.failure()));
            return box;
        }
        ApplyPreview preview = p.preview();
        box.getChildren().addAll(wrapped("apply-overrides-winning-" + p.gatewayId(), preview.stillWinning().isEmpty()
                        ? "No runtime override shadows the config here." : String.join("\n", preview.stillWinning())),
                wrapped("apply-split-" + p.gatewayId(), "Traffic split before -> after:\n" + String.join("\n", preview.split())));
        return box;
    }

    private static Label wrapped(String id, String text) {
        Label label = new Label(text);
        label.setId(id);
        label.setWrapText(true);
        return label;
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
