package dev.switchboard.config.binding;

import dev.switchboard.config.WhenAllUnavailable;
import dev.switchboard.config.WhenAllUnavailable.Action;
import java.util.List;

/** {@code whenAllUnavailable: {action, statusCode}}; absent parts take {@link WhenAllUnavailable#DEFAULT}'s. */
final class WhenAllUnavailableBinder implements Binder<WhenAllUnavailable> {

    @Override
    public List<String> fields() {
        return List.of("action", "statusCode");
    }

    @Override
    public WhenAllUnavailable bind(FieldReader in) {
        Action action = in.choice("action", List.of(Action.values()), Action::name);
        return new WhenAllUnavailable(action == null ? WhenAllUnavailable.DEFAULT.action() : action,
                in.integer("statusCode", 400, 599, WhenAllUnavailable.DEFAULT.statusCode()));
    }
}
