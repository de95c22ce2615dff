package dev.switchboard.console.dns;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

/**
 * The DNS tab: the selected gateway's traffic profiles. Actions that change an answer are confirmed with the answer
 * they lead to; TTL countdowns tick once a second while the tab shows.
 */
public final class DnsController {

    @FXML
    private Label title;
    @FXML
    private Label empty;
    @FXML
    private Label responder;
    @FXML
    private VBox profilesBox;
    private DnsViewModel model;
    private Map<ProfileModel, ProfilePane> panes = Map.of();
    private final Timeline ticker = new Timeline(new KeyFrame(Duration.seconds(1), e -> model.tick()));

    /**
     * @param shown       whether the tab is showing: countdowns need not move while nobody sees them
     * @param responderOf where a gateway's DNS responder listens, by gateway id (see GatewayFeed#dnsResponder)
     */
    public void init(DnsViewModel dnsModel, ReadOnlyBooleanProperty shown, Function<String, String> responderOf) {
        model = dnsModel;
        responder.textProperty().bind(Bindings.createStringBinding(() -> model.gatewayIdProperty().get() == null
                ? "" : "DNS responder: " + responderOf.apply(model.gatewayIdProperty().get()),
                model.gatewayIdProperty()));
        title.textProperty().bind(Bindings.createStringBinding(() -> model.gatewayIdProperty().get() == null
                ? "No gateway selected" : "Traffic profiles of gateway '" + model.gatewayIdProperty().get() + "'",
                model.gatewayIdProperty()));
        empty.visibleProperty().bind(Bindings.isEmpty(model.profiles()).and(model.gatewayIdProperty().isNotNull()));
        empty.managedProperty().bind(empty.visibleProperty());
        model.profiles().addListener((ListChangeListener<ProfileModel>) c -> showProfiles());
        showProfiles();
        ticker.setCycleCount(Animation.INDEFINITE);
        shown.addListener((obs, was, now) -> tickWhile(now));
        tickWhile(shown.get());
    }

    private void tickWhile(boolean shown) {
        if (shown) {
            model.tick();
            ticker.play();
        } else {
            ticker.stop();
        }
    }

    /** A pane per profile, kept while its profile is: panes listen to their models, so they are made only once. */
    private void showProfiles() {
        Map<ProfileModel, ProfilePane> next = new LinkedHashMap<>();
        model.profiles().forEach(p -> next.put(p, panes.containsKey(p) ? panes.get(p) : new ProfilePane(p,
                action -> request(p, action), FailoverCalculatorController.load(p.calculator(), NodeIds.of(p.name())))));
        panes = next;
        profilesBox.getChildren().setAll(next.values());
    }

    /** Asks first when the action changes the answer, showing what it will be; then sends it. */
    private void request(ProfileModel profile, DnsAction action) {
        Optional<DnsViewModel.Confirmation> question = model.confirmation(profile, action);
        if (question.isPresent()) {
            Alert confirm = new Alert(Alert.AlertType.CONFIRMATION, question.get().body(), ButtonType.OK, ButtonType.CANCEL);
            confirm.initOwner(profilesBox.getScene().getWindow());
            confirm.setTitle("DNS fail-over");
            confirm.setHeaderText(question.get().header());
            if (confirm.showAndWait().orElse(ButtonType.CANCEL) != ButtonType.OK) {
                return;
            }
        }
        model.run(profile, action);
    }

    /** Stops the countdown timer with the window. */
    public void close() {
        ticker.stop();
    }
}
