package dev.switchboard.dns;

/**
 * Told about every {@link ProfileEvent}, on the thread that caused it (a monitor's event loop, the control thread, a
 * config reload), after the change is visible in snapshots. Must not block.
 */
@FunctionalInterface
public interface ProfileListener {

    void onEvent(ProfileEvent event);
}
