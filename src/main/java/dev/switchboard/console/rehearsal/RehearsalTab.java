package dev.switchboard.console.rehearsal;

import dev.switchboard.console.feed.GatewayControl;
import dev.switchboard.console.config.ConfigEditorModel;
import dev.switchboard.console.shell.ConsoleModel;
import dev.switchboard.config.GatewayConfig;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import javafx.application.Platform;
import javafx.scene.control.Tab;
import javafx.scene.control.Tooltip;

/** The main window's Rehearse tab, wired to the selected gateway and the Config tab's draft. */
public final class RehearsalTab {

    private RehearsalTab() {
    }

    /** The view is built when the tab is first shown, so the main window opens no slower for it. */
    public static Tab create(ConsoleModel model, ConfigEditorModel editor, Executor worker) {
        Tab tab = new Tab("Rehearse");
        tab.setTooltip(new Tooltip("Rehearse a failure scenario against a config in virtual time (Ctrl+7)"));
        tab.selectedProperty().addListener((obs, was, shown) -> {
            if (shown && tab.getContent() == null) {
                RehearsalController view = RehearsalController.load();
                view.init(new RehearsalViewModel(() -> selectedConfig(model), () -> editor.parsedProperty().get(), worker,
                        Platform::runLater));
                tab.setContent(view.root());
            }
        });
        return tab;
    }

    private static CompletableFuture<GatewayConfig> selectedConfig(ConsoleModel model) {
        String id = model.selectedGatewayProperty().get();
        GatewayControl control = id == null ? null : model.control(id);
        return control == null ? null : control.config().thenApply(GatewayControl.VersionedConfig::config);
    }
}
