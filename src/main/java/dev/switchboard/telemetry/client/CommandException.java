package dev.switchboard.telemetry.client;

import dev.switchboard.telemetry.protocol.Reply;
import java.util.List;

/** The gateway refused a command; nothing changed. */
public final class CommandException extends Exception {

    private final transient Reply.Error error;

    public CommandException(Reply.Error error) {
        super(error.code() + ": " + error.message());
        this.error = error;
    }

    public Reply.ErrorCode code() {
        return error.code();
    }

    /** Config problems for a refused config, else empty. */
    public List<String> problems() {
        return error.problems();
    }
}
