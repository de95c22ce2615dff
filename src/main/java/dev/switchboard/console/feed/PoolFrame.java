package dev.switchboard.console.feed;

import java.time.Duration;
import java.util.List;

/** @param timeout the tightest per-try (or total) timeout of the routes to this pool; null when not known */
public record PoolFrame(String id, List<MemberFrame> members, Duration timeout) {

    public PoolFrame {
        members = List.copyOf(members);
    }

    /** A pool whose timeout is not known. */
    public PoolFrame(String id, List<MemberFrame> members) {
        this(id, members, null);
    }
}
