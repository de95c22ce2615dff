package dev.switchboard.console.feed;

import java.util.List;

public record PoolFrame(String id, List<MemberFrame> members) {

    public PoolFrame {
        members = List.copyOf(members);
    }
}
