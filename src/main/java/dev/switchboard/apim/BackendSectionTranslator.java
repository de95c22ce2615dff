package dev.switchboard.apim;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.config.GatewayConfig;
import dev.switchboard.policy.expr.ExprSyntaxException;
import dev.switchboard.policy.expr.PolicyExpression;
import java.time.Duration;
import java.util.List;

/**
 * The backend section: {@code forward-request} (timeout, buffer-request-body) and the {@code retry} around it,
 * as the api's {@code timeouts.total} and {@code retry}.
 */
final class BackendSectionTranslator {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final long LONGEST_SECONDS = GatewayConfig.LONGEST_DURATION.toSeconds();

    /** The api's retry (null for none) and total timeout (null for the default). */
    static final class Result {
        ObjectNode retry;
        Duration total;
    }

    private final ImportReport report;
    private final String target;
    private final Result result = new Result();

    private BackendSectionTranslator(ImportReport report, String target) {
        this.report = report;
        this.target = target;
    }

    static Result translate(List<PolicyNode> statements, ImportReport report, String target) {
        BackendSectionTranslator translator = new BackendSectionTranslator(report, target);
        for (PolicyNode statement : statements) {
            switch (statement.name()) {
                case "forward-request" -> translator.forward(statement);
                case "retry" -> translator.retry(statement);
                default -> report.unsupported(statement.source(), statement.name(), "not supported in the backend section", null);
            }
        }
        return translator.result;
    }

    private void forward(PolicyNode node) {
        String seconds = node.attribute("timeout");
        String millis = node.attribute("timeout-ms");
        try {
            if (millis != null) {
                result.total = Duration.ofMillis(Long.parseLong(millis));
            } else if (seconds != null) {
                result.total = Duration.ofSeconds(Long.parseLong(seconds));
            }
        } catch (NumberFormatException e) {
            report.unsupported(node.source(), "forward-request", "timeout is not a whole number: " + (millis != null ? millis : seconds), null);
        }
        if (result.total != null && result.total.compareTo(GatewayConfig.LONGEST_DURATION) > 0) {
            // Left to the loader, it took the whole api out and blamed its other elements.
            report.unsupported(node.source(), "forward-request", "timeout must be at most 365 days, the longest the gateway takes; found "
                    + (millis != null ? millis + " ms" : seconds + " s") + "; the default applies", null);
            result.total = null;
        }
        if ("true".equalsIgnoreCase(node.attribute("follow-redirects"))) {
            report.unsupported(node.source(), "forward-request", "follow-redirects=\"true\" is not supported: redirects go to the client", null);
        }
        if ("true".equalsIgnoreCase(node.attribute("fail-on-error-status-code"))) {
            report.unsupported(node.source(), "forward-request", "fail-on-error-status-code needs on-error, which is not translated", null);
        }
        report.translated(node.source(), "forward-request", target + ".timeouts.total", (result.total == null ? "the default; " : "")
                + "bodies are buffered for retry up to maxBufferedBody, as buffer-request-body does");
    }

    private void retry(PolicyNode node) {
        ObjectNode retry = JSON.objectNode();
        String text = node.attribute("condition");
        String inner = PolicyValues.singleExpression(text);
        if (inner == null) {
            report.unsupported(node.source(), "retry", "condition is not a single @(...) expression: " + text, null);
            return;
        }
        try {
            PolicyExpression.parse(inner, PolicyExpression.RETRY_SCOPES);
        } catch (ExprSyntaxException e) {
            report.unsupported(node.source(), "retry", "condition " + text + ": " + e.getMessage(), null);
            return;
        }
        retry.put("condition", inner);
        String numbersProblem = numbersProblem(node);
        if (numbersProblem != null) {
            report.unsupported(node.source(), "retry", numbersProblem, null);
            return;
        }
        retry.put("count", Integer.parseInt(node.attribute("count")));
        retry.put("interval", seconds(node.attribute("interval")));
        if (node.attribute("delta") != null) {
            retry.put("delta", seconds(node.attribute("delta")));
            if (node.attribute("max-interval") != null) {
                retry.put("maxInterval", seconds(node.attribute("max-interval")));
            }
        } else if (node.attribute("max-interval") != null) {
            report.warning(node.source(), "retry", "max-interval without delta has no effect (the wait is fixed); left out");
        }
        String firstFast = node.attribute("first-fast-retry");
        if (!PolicyValues.isBooleanOrAbsent(firstFast)) {
            // Taken as false before, which silently added an interval before the first retry.
            report.unsupported(node.source(), "retry", "first-fast-retry must be true or false, found " + firstFast, null);
            return;
        }
        retry.put("firstFastRetry", "true".equalsIgnoreCase(firstFast));
        for (PolicyNode child : node.children()) {
            if (child.name().equals("forward-request")) {
                forward(child);
            } else {
                report.unsupported(child.source(), child.name(), "inside retry only forward-request is translated",
                        child.name().equals("choose") || child.name().equals("set-backend-service")
                                ? "use a pool with priorities: each retry goes to another member" : null);
            }
        }
        result.retry = retry;
        report.approximated(node.source(), "retry", "a retry goes to a pool member not yet tried when there is one "
                + "(APIM's pool may pick the same backend again; `switchboard rehearse --apim` shows APIM's behaviour)", target + ".retry");
    }

    /**
     * What is wrong with the retry's numbers; null when nothing. Checked here, at the retry, because left to the loader
     * a bad number took the whole api out and blamed its other elements.
     */
    private static String numbersProblem(PolicyNode node) {
        for (String attribute : List.of("count", "interval", "delta", "max-interval")) {
            String value = node.attribute(attribute);
            boolean required = attribute.equals("count") || attribute.equals("interval");
            if (value == null ? required : !value.matches("\\d{1,9}")) {
                return attribute + " must be a whole number" + (attribute.equals("count") ? "" : " of seconds")
                        + ", found " + (value == null ? "none" : value);
            }
        }
        int count = Integer.parseInt(node.attribute("count"));
        if (count < 1 || count > 50) {
            return "count must be between 1 and 50, as in APIM; found " + count;
        }
        for (String attribute : List.of("delta", "max-interval")) {
            String value = node.attribute(attribute);
            if (value != null && Long.parseLong(value) == 0) {
                return attribute + " must be a positive number of seconds, as in APIM; found " + value;
            }
        }
        for (String attribute : List.of("interval", "delta", "max-interval")) {
            String value = node.attribute(attribute);
            if (value != null && Long.parseLong(value) > LONGEST_SECONDS) {
                return attribute + " must be at most " + LONGEST_SECONDS + " seconds (365 days), the longest wait the gateway takes; found " + value;
            }
        }
        long interval = Long.parseLong(node.attribute("interval"));
        String delta = node.attribute("delta");
        String max = node.attribute("max-interval");
        if (delta != null && max != null && Long.parseLong(max) < interval) {
            return "max-interval (" + max + " s) must not be shorter than interval (" + interval + " s)";
        }
        return null;
    }

    private static String seconds(String value) {
        return Duration.ofSeconds(Long.parseLong(value)).toString();
    }
}
