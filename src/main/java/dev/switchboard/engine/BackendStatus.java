package dev.switchboard.engine;

/**
 * A backend's resolved availability at one state build.
 *
 * @param availability  combined availability
 * @param reason        human explanation
 * @param weightPercent share of its weight it gets now (100, or less during slow start)
 * @param deadlineNanos when this status changes by itself (trip end, next ramp step); Long.MAX_VALUE for never
 */
record BackendStatus(Availability availability, String reason, int weightPercent, long deadlineNanos) {
}
