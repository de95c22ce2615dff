package dev.switchboard.console.dns;

import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableValue;
import javafx.css.PseudoClass;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TitledPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

/** One traffic profile in the DNS view: its answer and TTL countdown, settings, endpoints and calculator. */
final class ProfilePane extends TitledPane {

    private static final PseudoClass NXDOMAIN = PseudoClass.getPseudoClass("nxdomain");
    private static final PseudoClass ERROR = PseudoClass.getPseudoClass("error");

    /**
     * @param request    asks for an action on this profile
     * @param calculator the profile's failover calculator view
     */
    ProfilePane(ProfileModel profile, Consumer<DnsAction> request, Node calculator) {
        String key = NodeIds.of(profile.name());
        setText(profile.name());
        setId("dns-profile-" + key);

        Label answer = new Label();
        answer.setId("dns-answer-" + key);
        answer.getStyleClass().add("dns-answer");
        answer.textProperty().bind(profile.answerProperty());
        answer.setTooltip(new Tooltip("What a query gets now (weighted and geographic: every target a query may get); "
                + "NXDOMAIN when the profile or all its endpoints are disabled"));
        answer.pseudoClassStateChanged(NXDOMAIN, !profile.existsProperty().get());
        profile.existsProperty().addListener((obs, was, exists) -> answer.pseudoClassStateChanged(NXDOMAIN, !exists));

        Label countdown = new Label();
        countdown.setId("dns-countdown-" + key);
        countdown.textProperty().bind(profile.countdownProperty());
        countdown.setTooltip(new Tooltip("Resolvers and clients may keep the answer from before the last change until "
                + "it changed plus the TTL (the gateway's clock against this console's)"));

        Label failedOver = new Label();
        failedOver.textProperty().bind(Bindings.createStringBinding(() -> profile.failedOverToProperty().get().isEmpty()
                ? "none: configured priorities apply" : "to " + profile.failedOverToProperty().get(),
                profile.failedOverToProperty()));
        Button clear = new Button("Clear fail-over");
        clear.setId("dns-clear-" + key);
        clear.disableProperty().bind(profile.failedOverToProperty().isEmpty());
        clear.setOnAction(e -> request.accept(DnsAction.clearFailover()));

        GridPane summary = new GridPane();
        summary.setHgap(10);
        summary.setVgap(4);
        summary.addRow(0, title("Answer"), new HBox(10, answer, countdown));
        summary.addRow(1, title("Routing"), bound(Bindings.createStringBinding(() -> profile.routingProperty().get()
                .jsonName() + " \u00b7 TTL " + profile.ttlProperty().get(), profile.routingProperty(), profile.ttlProperty())));
        summary.addRow(2, title("Fail-over"), new HBox(10, failedOver, EndpointTable.withTooltip(clear,
                new Tooltip("End the operator's fail-over: the configured priorities apply again (asks first when "
                        + "the answer changes)"))));
        summary.addRow(3, title("Monitor"), bound(profile.monitorProperty()));

        Label result = bound(profile.resultProperty());
        result.setId("dns-result-" + key);
        result.setWrapText(true);
        result.visibleProperty().bind(profile.resultProperty().isNotEmpty());
        result.managedProperty().bind(result.visibleProperty());
        result.getStyleClass().add("dns-result");
        profile.resultIsErrorProperty().addListener((obs, was, error) -> result.pseudoClassStateChanged(ERROR, error));

        setContent(new VBox(8, summary, result, new EndpointTable(profile.name(), profile.endpoints(), profile.routingProperty(), request),
                calculator));
    }

    private static Label title(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("field-title");
        return l;
    }

    private static Label bound(ObservableValue<String> text) {
        Label l = new Label();
        l.textProperty().bind(text);
        return l;
    }
}
