package dev.switchboard.console.rehearsal;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.config.ApiConfig;
import dev.switchboard.config.GatewayConfig;
import dev.switchboard.rehearsal.RehearsalResult;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;
import java.util.concurrent.Executor;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * "Rehearse this change…": before a change is applied, the changed config is rehearsed with the default scenario
 * ({@link #defaultScenario}) on a worker thread, and the result (summary and each backend's share of the attempts)
 * is shown in a dialog whose Apply button applies the change; Cancel leaves the gateway as it is.
 */
public final class ChangeRehearsal {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ButtonType APPLY = new ButtonType("Apply", ButtonBar.ButtonData.OK_DONE);

    private ChangeRehearsal() {
    }

    /**
     * Steady traffic, 20 requests/s for a minute, to the first api's path (with its host), every backend answering
     * 200 at once: what the change does to the traffic split when nothing fails.
     */
    static String defaultScenario(GatewayConfig config) {
        ObjectNode scenario = JSON.createObjectNode().put("duration", "PT60S").put("rate", 20);
        ApiConfig api = config.apis().isEmpty() ? null : config.apis().getFirst();
        String prefix = api == null || api.path() == null ? "" : api.path();
        scenario.put("path", prefix.endsWith("/") ? prefix : prefix + "/");
        if (api != null && api.host() != null) {
            scenario.putObject("headers").put("Host", api.host());
        }
        scenario.putObject("backends");
        return scenario.toPrettyString();
    }

    /**
     * Rehearses {@code changed} and asks whether to apply it; {@code apply} runs on the FX thread when confirmed.
     * Returns the dialog, shown and not blocking, so the caller (or a test) can watch it.
     */
    public static Dialog<ButtonType> offer(Window owner, GatewayConfig changed, Executor worker, Runnable apply) {
        RehearsalViewModel model = new RehearsalViewModel(() -> null, () -> changed, worker, Platform::runLater);
        model.sourceProperty().set(RehearsalViewModel.Source.CONFIG_DRAFT);
        model.scenarioProperty().set(defaultScenario(changed));

        Label status = new Label();
        status.setId("change-rehearsal-status");
        status.textProperty().bind(model.statusProperty());
        Label share = new Label();
        share.setId("change-rehearsal-share");
        share.textProperty().bind(Bindings.createStringBinding(() -> share(model.resultProperty().get()),
                model.resultProperty()));
        TextArea summary = new TextArea();
        summary.setId("change-rehearsal-summary");
        summary.setEditable(false);
        summary.setPrefSize(760, 420);
        summary.textProperty().bind(Bindings.createStringBinding(
                () -> String.join(System.lineSeparator(), model.problems()) + model.summaryProperty().get(),
                model.summaryProperty(), model.problems()));

        Dialog<ButtonType> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle("Rehearse this change");
        dialog.setHeaderText("The changed config, rehearsed in virtual time: steady traffic to the first api, "
                + "every backend healthy");
        dialog.getDialogPane().setContent(new VBox(8, status, share, summary));
        dialog.getDialogPane().getButtonTypes().addAll(APPLY, ButtonType.CANCEL);
        dialog.getDialogPane().lookupButton(APPLY).disableProperty().bind(model.resultProperty().isNull());
        dialog.setOnHidden(e -> {
            if (dialog.getResult() == APPLY) {
                apply.run();
            }
        });
        model.run();
        dialog.show();
        return dialog;
    }

    /** Each backend's share of all attempts of the run, to the percent. */
    static String share(RehearsalResult result) {
        if (result == null) {
            return "";
        }
        long total = result.backendHits().values().stream().mapToLong(Long::longValue).sum();
        StringJoiner parts = new StringJoiner("  ", "Share of attempts: ", "");
        for (Map.Entry<String, Long> e : result.backendHits().entrySet()) {
            parts.add(e.getKey() + " " + String.format(Locale.ROOT, "%.0f%%", total == 0 ? 0.0 : 100.0 * e.getValue() / total));
        }
        return parts.toString();
    }
}
