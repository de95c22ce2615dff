package dev.switchboard.engine;

/**
 * Result of {@link Engine#pick}: a preallocated {@link BackendHandle} or the target's preallocated
 * {@link NoneAvailable}. Never allocated per pick.
 */
public sealed interface Pick permits BackendHandle, NoneAvailable {

    /** True for {@link NoneAvailable}. */
    boolean none();
}
