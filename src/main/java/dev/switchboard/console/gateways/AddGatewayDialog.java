package dev.switchboard.console.gateways;

import dev.switchboard.console.feed.GatewayFeed;
import dev.switchboard.console.remote.GatewayStore;
import dev.switchboard.console.remote.RemoteGatewayFeed;
import java.io.IOException;
import java.net.URI;
import java.util.Optional;
import java.util.function.Consumer;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;

/** Asks for a remote gateway's name, telemetry URL and token. */
public final class AddGatewayDialog {

    private AddGatewayDialog() {
    }

    /**
     * Asks for a gateway, remembers it in {@code store} (when the console keeps one) and connects to it; a gateway
     * that cannot be remembered is still connected, and {@code outcome} says why it was not remembered.
     */
    public static void addAndConnect(Window owner, Optional<GatewayStore> store, Consumer<GatewayFeed> connect,
                                     Consumer<String> outcome) {
        ask(owner).ifPresent(entry -> {
            store.ifPresent(s -> {
                try {
                    s.save(entry);
                } catch (IOException e) {
                    outcome.accept("could not remember the gateway in " + s.file() + ": " + e.getMessage());
                }
            });
            connect.accept(new RemoteGatewayFeed(entry.name(), entry.uri(), entry.token()));
        });
    }

    public static Optional<GatewayStore.Entry> ask(Window owner) {
        Dialog<GatewayStore.Entry> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle("Add a remote gateway");
        TextField name = new TextField();
        name.setPromptText("edge-1");
        TextField url = new TextField();
        url.setPromptText("ws://host:9090/telemetry");
        url.setTooltip(new Tooltip("The gateway's admin listener: ws://host:port/telemetry (wss:// with TLS)"));
        PasswordField token = new PasswordField();
        token.setTooltip(new Tooltip("An operator token from the gateway's admin.tokens (a viewer token can only watch)"));
        Label problem = new Label();
        problem.getStyleClass().add("problem");
        GridPane form = new GridPane(8, 8);
        form.addRow(0, new Label("Name"), name);
        form.addRow(1, new Label("Telemetry URL"), url);
        form.addRow(2, new Label("Token"), token);
        form.add(problem, 0, 3, 2, 1);
        dialog.getDialogPane().setContent(form);
        dialog.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);
        dialog.getDialogPane().lookupButton(ButtonType.OK).addEventFilter(javafx.event.ActionEvent.ACTION, e -> {
            String error = check(name.getText(), url.getText(), token.getText());
            problem.setText(error);
            if (!error.isEmpty()) {
                e.consume();
            }
        });
        dialog.setResultConverter(button -> button == ButtonType.OK
                ? new GatewayStore.Entry(name.getText().strip(), URI.create(url.getText().strip()), token.getText())
                : null);
        return dialog.showAndWait();
    }

    /** What is wrong with the input, or empty. */
    static String check(String name, String url, String token) {
        if (name.isBlank()) {
            return "Give the gateway a name.";
        }
        String u = url.strip();
        if (!(u.startsWith("ws://") || u.startsWith("wss://"))) {
            return "The URL must start with ws:// or wss://.";
        }
        try {
            if (URI.create(u).getHost() == null) {
                return "The URL needs a host.";
            }
        } catch (IllegalArgumentException e) {
            return "The URL is not valid: " + e.getMessage();
        }
        return token.isBlank() ? "The gateway needs a token." : "";
    }
}
