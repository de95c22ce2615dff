package dev.switchboard.config;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * What an api or a route rule does to a request before it is forwarded (APIM's inbound transformation policies).
 * Actions run in order: the api's, then the matched rule's; a {@link ReturnResponse} answers at once and ends them.
 */
public sealed interface RequestAction {

    /** The JSON {@code type} of this action. */
    String type();

    /** What a {@link SetValue} changes. */
    enum Target {
        /** APIM {@code set-header}; JSON type {@code setHeader}. */
        HEADER("setHeader"),
        /** APIM {@code set-query-parameter}; JSON type {@code setQueryParameter}. */
        QUERY("setQueryParameter");

        private final String type;

        Target(String type) {
            this.type = type;
        }
    }

    /** APIM {@code set-header} or {@code set-query-parameter}: {@code values} are empty for {@link ExistsAction#delete}. */
    record SetValue(Target target, String name, ExistsAction existsAction, List<String> values) implements RequestAction {
        public SetValue {
            values = List.copyOf(values);
        }

        @Override
        public String type() {
            return target.type;
        }
    }

    /**
     * APIM {@code rewrite-uri}: the path (and query) sent to the backend, relative to its base URL. {@code {name}}
     * takes the named group {@code name} of the rule's path regex; {@code copyUnmatchedParams} keeps the client's
     * query parameters that the template does not set.
     */
    record RewriteUri(String template, boolean copyUnmatchedParams) implements RequestAction {
        @Override
        public String type() {
            return "rewriteUri";
        }

        /** The {@code {name}} placeholders of the template, in order. */
        public List<String> names() {
            List<String> parts = parts(template);
            List<String> names = new ArrayList<>();
            for (int i = 1; parts != null && i < parts.size(); i += 2) {
                names.add(parts.get(i));
            }
            return names;
        }

        /** The template with each placeholder replaced by {@code values.apply(name)}. */
        public String expand(Function<String, String> values) {
            List<String> parts = parts(template);
            StringBuilder out = new StringBuilder();
            for (int i = 0; i < parts.size(); i++) {
                out.append(i % 2 == 0 ? parts.get(i) : values.apply(parts.get(i)));
            }
            return out.toString();
        }

        /** Literal text and placeholder names alternating (text first); null when a brace is unbalanced. */
        public static List<String> parts(String template) {
            List<String> parts = new ArrayList<>();
            int start = 0;
            while (true) {
                int open = template.indexOf('{', start);
                int close = template.indexOf('}', start);
                if (open < 0) {
                    parts.add(template.substring(start));
                    return close < 0 ? parts : null;
                }
                int end = template.indexOf('}', open);
                if (close < open || end < 0 || template.indexOf('{', open + 1) > 0 && template.indexOf('{', open + 1) < end) {
                    return null;
                }
                parts.add(template.substring(start, open));
                parts.add(template.substring(open + 1, end));
                start = end + 1;
            }
        }
    }

    /** APIM {@code return-response} (and {@code mock-response}): the gateway answers without calling a backend. */
    record ReturnResponse(int status, String reason, Map<String, List<String>> headers, String body) implements RequestAction {
        public ReturnResponse {
            Map<String, List<String>> copy = new LinkedHashMap<>();
            headers.forEach((name, values) -> copy.put(name, List.copyOf(values)));
            headers = Collections.unmodifiableMap(copy);
        }

        @Override
        public String type() {
            return "returnResponse";
        }
    }
}
