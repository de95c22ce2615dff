package dev.switchboard.console.dns;

import dev.switchboard.console.feed.ConsoleEvent;
import dev.switchboard.console.feed.EventKind;
import dev.switchboard.console.feed.Failures;
import dev.switchboard.console.feed.GatewayControl;
import dev.switchboard.console.feed.GatewayFrame;
import dev.switchboard.console.feed.ProfileFrame;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The DNS view of the selected gateway: its traffic profiles, the TTL countdowns, and the operator's DNS actions with
 * a preview of the answer they lead to. Applied actions reach the event log from the gateway (its audit record);
 * refused ones are logged here. FX thread only.
 */
public final class DnsViewModel {

    /** What an operator confirms before an action that changes the answer. */
    public record Confirmation(String header, String body) {
    }

    private final ObservableList<ProfileModel> profiles = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper gatewayId = new ReadOnlyStringWrapper();
    private final Executor fx;
    private final Consumer<ConsoleEvent> log;
    private final InstantSource clock;
    private GatewayControl control;

    /**
     * @param fx    where action results are handled (the FX thread)
     * @param log   receives refused actions
     * @param clock what countdowns count against
     */
    public DnsViewModel(Executor fx, Consumer<ConsoleEvent> log, InstantSource clock) {
        this.fx = fx;
        this.log = log;
        this.clock = clock;
    }

    /** Shows the profiles of {@code frame}'s gateway, keeping the models of profiles it showed before. */
    public void show(GatewayFrame frame, GatewayControl gatewayControl) {
        if (!frame.gatewayId().equals(gatewayId.get())) {
            profiles.clear();
            gatewayId.set(frame.gatewayId());
            control = gatewayControl;
        }
        List<String> names = frame.profiles().stream().map(ProfileFrame::name).toList();
        if (!names.equals(profiles.stream().map(ProfileModel::name).toList())) {
            Map<String, ProfileModel> kept = profiles.stream()
                    .collect(Collectors.toMap(ProfileModel::name, Function.identity()));
            profiles.setAll(names.stream().map(n -> kept.getOrDefault(n, new ProfileModel(n))).toList());
        }
        for (int i = 0; i < names.size(); i++) {
            profiles.get(i).update(frame.profiles().get(i), clock.instant());
        }
    }

    /** Shows no gateway (the last one was removed). */
    public void clear() {
        profiles.clear();
        gatewayId.set(null);
        control = null;
    }

    /** Moves every countdown on to the clock's time; the view calls it once a second. */
    public void tick() {
        profiles.forEach(p -> p.tick(clock.instant()));
    }

    /** What the profile would answer after {@code action}, from the endpoints as last seen. */
    public DnsAnswer preview(ProfileModel profile, DnsAction action) {
        return AnswerPreview.after(profile.frame(), action);
    }

    /** The question to ask before {@code action}; empty when it leaves the answer as it is. */
    public Optional<Confirmation> confirmation(ProfileModel profile, DnsAction action) {
        ProfileFrame now = profile.frame();
        String before = DnsAnswer.of(now).text();
        String after = preview(profile, action).text();
        if (before.equals(after)) {
            return Optional.empty();
        }
        String what = action.describe(profile.name());
        return Optional.of(new Confirmation(Character.toUpperCase(what.charAt(0)) + what.substring(1) + "?",
                profile.name() + " answers " + before + " now and will answer " + after + ".\n"
                        + "Resolvers may keep serving " + before + " for up to " + now.ttl() + " s (the TTL) after the change."));
    }

    /** Sends {@code action}; its outcome shows on the profile: the gateway's new answer, or why it refused. */
    public void run(ProfileModel profile, DnsAction action) {
        String what = action.describe(profile.name());
        String gateway = gatewayId.get();
        profile.showResult(what + "\u2026", false);
        action.send(control, profile.name()).whenCompleteAsync((answer, error) -> {
            if (error == null) {
                profile.showResult(what + ": now answers " + DnsAnswer.ofAck(answer).text(), false);
                return;
            }
            String refused = "refused: " + what + ": " + Failures.cause(error).getMessage();
            profile.showResult(refused, true);
            log.accept(new ConsoleEvent(clock.instant(), gateway, action.target(profile.name()), EventKind.OPERATOR,
                    false, refused));
        }, fx);
    }

    public ObservableList<ProfileModel> profiles() {
        return profiles;
    }

    /** The gateway whose profiles show; null before the first frame. */
    public ReadOnlyStringProperty gatewayIdProperty() {
        return gatewayId.getReadOnlyProperty();
    }
}
