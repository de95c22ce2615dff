package dev.switchboard.apim;

import java.util.ArrayList;
import java.util.List;

/**
 * APIM's inheritance: a section's {@code <base/>} stands for the same section of the parent scope (global → api →
 * operation). A scope without the section, or without a policy, inherits the parent's section whole.
 */
final class PolicyScopes {

    private PolicyScopes() {
    }

    /** The section's statements of {@code scope} with every {@code <base/>} replaced by {@code parent}'s. */
    static List<PolicyNode> effective(String section, PolicyNode scope, List<PolicyNode> parent) {
        PolicyNode own = section(scope, section);
        if (own == null) {
            return parent;
        }
        List<PolicyNode> result = new ArrayList<>();
        for (PolicyNode statement : own.children()) {
            if (statement.name().equals("base")) {
                result.addAll(parent);
            } else {
                result.add(statement);
            }
        }
        return result;
    }

    /** The {@code <inbound>} (etc.) element of a {@code <policies>} root; null when absent. */
    static PolicyNode section(PolicyNode root, String section) {
        return root == null ? null : root.child(section);
    }
}
