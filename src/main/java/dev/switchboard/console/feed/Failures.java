package dev.switchboard.console.feed;

import java.util.concurrent.CompletionException;

/** Reading why a command's future failed. */
public final class Failures {

    private Failures() {
    }

    /** The failure itself: a stage that failed inside a chain reports it wrapped in a CompletionException. */
    public static Throwable cause(Throwable error) {
        return error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
    }
}
