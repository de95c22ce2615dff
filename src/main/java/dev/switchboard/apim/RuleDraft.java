package dev.switchboard.apim;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/** A route rule on its way to config JSON, with the policy element it came from. */
final class RuleDraft {

    final String name;
    final List<ObjectNode> conditions = new ArrayList<>();
    final SourceRef source;
    String backendId;
    final List<ObjectNode> actions = new ArrayList<>();

    RuleDraft(String name, SourceRef source) {
        this.name = name;
        this.source = source;
    }

    boolean doesSomething() {
        return backendId != null || !actions.isEmpty();
    }
}
