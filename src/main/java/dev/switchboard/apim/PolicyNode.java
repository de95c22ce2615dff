package dev.switchboard.apim;

import java.util.List;
import java.util.Map;

/**
 * One element of a policy document with where it starts in the original text.
 *
 * @param name       element name, such as {@code set-backend-service}
 * @param attributes attribute values, named values already substituted
 * @param children   child elements in order
 * @param text       the element's own text (trimmed), such as a {@code <value>}'s
 * @param source     file and line:column of the element's '<'
 */
public record PolicyNode(String name, Map<String, String> attributes, List<PolicyNode> children, String text, SourceRef source) {

    public PolicyNode {
        attributes = Map.copyOf(attributes);
        children = List.copyOf(children);
    }

    public String attribute(String attributeName) {
        return attributes.get(attributeName);
    }

    public List<PolicyNode> children(String childName) {
        return children.stream().filter(c -> c.name().equals(childName)).toList();
    }

    public PolicyNode child(String childName) {
        return children.stream().filter(c -> c.name().equals(childName)).findFirst().orElse(null);
    }

    public PolicyNode withChildren(List<PolicyNode> replaced) {
        return new PolicyNode(name, attributes, replaced, text, source);
    }
}
