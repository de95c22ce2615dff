package dev.switchboard.config;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.util.List;

/** Writes one api of {@link ConfigWriter}'s canonical form: routing, rules, actions, retry and timeouts. */
final class ApiWriter extends JsonSectionWriter {

    ApiWriter(JsonGenerator out) {
        super(out);
    }

    void api(ApiConfig api) throws IOException {
        out.writeStartObject();
        out.writeStringField("name", api.name());
        string("host", api.host());
        out.writeStringField("path", api.path());
        out.writeStringField("backendId", api.backendId());
        out.writeArrayFieldStart("rules");
        for (RouteRule rule : api.rules()) {
            routeRule(rule);
        }
        out.writeEndArray();
        if (api.retry() != null) {
            retry(api.retry());
        }
        out.writeObjectFieldStart("timeouts");
        duration("connect", api.timeouts().connect());
        duration("perTry", api.timeouts().perTry());
        duration("total", api.timeouts().total());
        out.writeEndObject();
        out.writeNumberField("maxBufferedBody", api.maxBufferedBody());
        out.writeBooleanField("preserveHost", api.preserveHost());
        actions(api.actions());
        out.writeEndObject();
    }

    private void actions(List<RequestAction> actions) throws IOException {
        if (actions.isEmpty()) {
            return;
        }
        out.writeArrayFieldStart("actions");
        for (RequestAction action : actions) {
            out.writeStartObject();
            out.writeStringField("type", action.type());
            switch (action) {
                case RequestAction.SetValue v -> nameValues(v.name(), v.existsAction(), v.values());
                case RequestAction.RewriteUri r -> {
                    out.writeStringField("template", r.template());
                    out.writeBooleanField("copyUnmatchedParams", r.copyUnmatchedParams());
                }
                case RequestAction.ReturnResponse r -> {
                    out.writeNumberField("status", r.status());
                    string("reason", r.reason());
                    namedValues("headers", r.headers());
                    string("body", r.body());
                }
            }
            out.writeEndObject();
        }
        out.writeEndArray();
    }

    private void nameValues(String name, ExistsAction existsAction, List<String> values) throws IOException {
        out.writeStringField("name", name);
        out.writeStringField("existsAction", existsAction.name());
        if (existsAction != ExistsAction.delete) {
            out.writeArrayFieldStart("values");
            for (String value : values) {
                out.writeString(value);
            }
            out.writeEndArray();
        }
    }

    private void routeRule(RouteRule rule) throws IOException {
        out.writeStartObject();
        out.writeStringField("name", rule.name());
        out.writeArrayFieldStart("when");
        for (RouteCondition condition : rule.when()) {
            out.writeStartObject();
            if (condition.expression() != null) {
                out.writeStringField("expression", condition.expression().text());
                out.writeEndObject();
                continue;
            }
            out.writeStringField("source", condition.source().name());
            string("name", condition.name());
            string("equals", condition.equals());
            string("prefix", condition.prefix());
            string("regex", condition.regex() == null ? null : condition.regex().pattern());
            if (condition.exists() != null) {
                out.writeBooleanField("exists", condition.exists());
            }
            out.writeEndObject();
        }
        out.writeEndArray();
        string("backendId", rule.backendId());
        actions(rule.actions());
        out.writeEndObject();
    }

    private void retry(RetryPolicy retry) throws IOException {
        out.writeObjectFieldStart("retry");
        if (retry.condition() != null) {
            out.writeStringField("condition", retry.condition().text());
        } else {
            statusRanges("statusCodeRanges", retry.statusCodeRanges());
            errorReasons(retry.errorReasons());
        }
        out.writeNumberField("count", retry.count());
        duration("interval", retry.interval());
        duration("maxInterval", retry.maxInterval());
        duration("delta", retry.delta());
        out.writeBooleanField("firstFastRetry", retry.firstFastRetry());
        out.writeBooleanField("otherBackend", retry.otherBackend());
        out.writeEndObject();
    }
}
