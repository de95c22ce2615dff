package dev.switchboard.engine;

import java.util.Arrays;

/**
 * The backends one request has already tried, so a retry can prefer another one (APIM's retry to another
 * backend). One small object per request; {@link Engine#pick} records every handle it returns here. Backends are
 * remembered by identity, so a config swap between attempts does not confuse it. Not thread-safe: a request's
 * attempts run one after the other.
 */
public final class Attempts {

    private final boolean preferUntried;
    private Object[] tried = new Object[4];
    private int count;

    /** @param preferUntried the retry policy's otherBackend: prefer a backend this request has not tried yet */
    public Attempts(boolean preferUntried) {
        this.preferUntried = preferUntried;
    }

    public boolean preferUntried() {
        return preferUntried;
    }

    /** Attempts picked so far. */
    public int count() {
        return count;
    }

    boolean tried(BackendRuntime backend) {
        for (int i = 0; i < count; i++) {
            if (tried[i] == backend) {
                return true;
            }
        }
        return false;
    }

    void add(BackendHandle handle) {
        if (count == tried.length) {
            tried = Arrays.copyOf(tried, count * 2);
        }
        tried[count++] = handle.runtime;
    }
}
