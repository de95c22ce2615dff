package dev.switchboard.console.feed;

import dev.switchboard.engine.Availability;

/** One pool member: weight and priority after runtime overrides, and its availability in the pool. */
public record MemberFrame(String backendId, int weight, int priority, Availability availability, String reason) {
}
