package dev.switchboard.apim;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/**
 * One transformation statement (rewrite-uri, set-header, set-query-parameter, return-response, mock-response) as a
 * config action; values computed by expressions are reported, since actions hold fixed values.
 */
final class ActionTranslator {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private ActionTranslator() {
    }

    /** The action JSON, or null when the statement was reported as not translatable. */
    static ObjectNode translate(PolicyNode node, ImportReport report) {
        return switch (node.name()) {
            case "rewrite-uri" -> rewrite(node, report);
            case "set-header" -> nameValues(node, "setHeader", report);
            case "set-query-parameter" -> nameValues(node, "setQueryParameter", report);
            case "return-response" -> returnResponse(node, report);
            default -> mock(node, report);
        };
    }

    private static ObjectNode rewrite(PolicyNode node, ImportReport report) {
        String template = node.attribute("template");
        if (template == null || PolicyValues.isExpression(template)) {
            return expression(node, template, report);
        }
        String copy = node.attribute("copy-unmatched-params");
        if (!PolicyValues.isBooleanOrAbsent(copy)) {
            // Read as true before: the query was copied whatever the author meant.
            report.unsupported(node.source(), "rewrite-uri", "copy-unmatched-params must be true or false, found " + copy, null);
            return null;
        }
        return JSON.objectNode().put("type", "rewriteUri").put("template", TemplateNames.withGroupNames(template))
                .put("copyUnmatchedParams", !"false".equalsIgnoreCase(copy));
    }

    private static ObjectNode nameValues(PolicyNode node, String type, ImportReport report) {
        String name = node.attribute("name");
        if (name == null || PolicyValues.isExpression(name)) {
            return expression(node, name, report);
        }
        String exists = node.attribute("exists-action") == null ? "override" : node.attribute("exists-action");
        ObjectNode action = JSON.objectNode().put("type", type).put("name", name).put("existsAction", exists);
        if (!exists.equals("delete")) {
            List<String> values = values(node);
            if (values == null) {
                return expression(node, "a <value>", report);
            }
            action.set("values", InboundTranslator.array(values));
        }
        return action;
    }

    /** The {@code <value>} texts; null when one is an expression. */
    private static List<String> values(PolicyNode node) {
        List<String> values = new ArrayList<>();
        for (PolicyNode value : node.children("value")) {
            if (PolicyValues.isExpression(value.text())) {
                return null;
            }
            values.add(value.text());
        }
        return values;
    }

    private static ObjectNode returnResponse(PolicyNode node, ImportReport report) {
        if (node.attribute("response-variable-name") != null) {
            report.unsupported(node.source(), "return-response", "response-variable-name returns a response from send-request, "
                    + "which is not supported", "use a pool with priorities and a retry policy");
            return null;
        }
        ObjectNode action = JSON.objectNode().put("type", "returnResponse");
        PolicyNode status = node.child("set-status");
        Integer code = status == null ? Integer.valueOf(200) : status(status.attribute("code"));
        if (code == null) {
            return expression(status, "the status code", report);
        }
        action.put("status", code);
        if (status != null && status.attribute("reason") != null) {
            action.put("reason", status.attribute("reason"));
        }
        ObjectNode headers = JSON.objectNode();
        for (PolicyNode header : node.children("set-header")) {
            List<String> values = values(header);
            if (values == null || PolicyValues.isExpression(header.attribute("name"))) {
                return expression(header, "a header value", report);
            }
            headers.set(header.attribute("name"), InboundTranslator.array(values));
        }
        if (!headers.isEmpty()) {
            action.set("headers", headers);
        }
        PolicyNode body = node.child("set-body");
        if (body != null) {
            if (PolicyValues.isExpression(body.text())) {
                return expression(body, "the body", report);
            }
            action.put("body", body.text());
        }
        return action;
    }

    private static ObjectNode mock(PolicyNode node, ImportReport report) {
        Integer status = node.attribute("status-code") == null ? Integer.valueOf(200) : status(node.attribute("status-code"));
        if (status == null) {
            return expression(node, "the status code", report);
        }
        String contentType = node.attribute("content-type") == null ? "application/json" : node.attribute("content-type");
        ObjectNode action = JSON.objectNode().put("type", "returnResponse").put("status", status);
        action.set("headers", JSON.objectNode().set("Content-Type", InboundTranslator.array(List.of(contentType))));
        return action;
    }

    /** A status code written as a number; null for an expression or anything else. */
    private static Integer status(String text) {
        try {
            return text == null ? null : Integer.valueOf(text.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static ObjectNode expression(PolicyNode node, String what, ImportReport report) {
        report.unsupported(node.source(), node.name(), what == null ? "a required attribute is missing"
                : what + " is computed by an expression or not a number; actions hold fixed values", null);
        return null;
    }
}
