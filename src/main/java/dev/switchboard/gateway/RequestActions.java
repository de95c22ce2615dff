package dev.switchboard.gateway;

import dev.switchboard.config.ApiConfig;
import dev.switchboard.config.ExistsAction;
import dev.switchboard.config.RequestAction;
import dev.switchboard.config.RouteCondition;
import dev.switchboard.config.RouteRule;
import dev.switchboard.engine.routing.RouteMatch;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufUtil;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.handler.codec.http.QueryStringEncoder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;

/**
 * Runs a route's request actions (the api's, then the matched rule's) on the request before it is forwarded:
 * header and query changes, a new backend path, or an answer from the gateway itself, which ends them.
 */
final class RequestActions {

    /**
     * @param route    the route with the path to send (rewritten or not)
     * @param rawQuery the query to send, without '?'; null for none
     * @param response the answer when a return-response ran; then nothing is forwarded
     */
    record Result(RouteMatch route, String rawQuery, RequestAction.ReturnResponse response) {
    }

    private RouteMatch route;
    private final HttpHeaders headers;
    private final String clientPath;
    private final String clientQuery;
    /** Decoded parameters, only once a query action runs; raw query strings pass through untouched otherwise. */
    private Map<String, List<String>> parameters;

    private RequestActions(RouteMatch route, HttpHeaders headers, String clientPath, String rawQuery) {
        this.route = route;
        this.headers = headers;
        this.clientPath = clientPath;
        this.clientQuery = rawQuery;
    }

    /**
     * @param headers    the request's headers, changed in place
     * @param clientPath the path the client asked for (path regexes of the rule match it)
     */
    static Result apply(RouteMatch route, HttpHeaders headers, String clientPath, String rawQuery) {
        ApiConfig api = route.api();
        RouteRule rule = route.matchedRule();
        if (api.actions().isEmpty() && (rule == null || rule.actions().isEmpty())) {
            return new Result(route, rawQuery, null);
        }
        HeaderRewriter.removeConnectionNamed(headers);
        RequestActions run = new RequestActions(route, headers, clientPath, rawQuery);
        List<RequestAction> actions = new ArrayList<>(api.actions());
        if (rule != null) {
            actions.addAll(rule.actions());
        }
        for (RequestAction action : actions) {
            if (action instanceof RequestAction.ReturnResponse answer) {
                return new Result(route, rawQuery, answer);
            }
            run.apply(action);
        }
        return new Result(run.route, run.parameters == null ? rawQuery : run.encodedQuery(), null);
    }

    private void apply(RequestAction action) {
        switch (action) {
            case RequestAction.SetValue v when v.target() == RequestAction.Target.HEADER -> setHeader(v.name(), v.existsAction(), v.values());
            case RequestAction.SetValue v -> setParameter(v.name(), v.existsAction(), v.values());
            case RequestAction.RewriteUri r -> rewrite(r);
            case RequestAction.ReturnResponse r -> throw new IllegalStateException("handled by the caller");
        }
    }

    private void setHeader(String name, ExistsAction exists, List<String> values) {
        // The client's headers skip Netty's validation (StrictRequestDecoder checked them); the config's are checked here.
        values.forEach(v -> HeaderSyntax.requireValid(name, v));
        switch (exists) {
            case override -> headers.set(name, values);
            case skip -> {
                if (!headers.contains(name)) {
                    headers.set(name, values);
                }
            }
            case append -> values.forEach(v -> headers.add(name, v));
            case delete -> headers.remove(name);
        }
    }

    private void setParameter(String name, ExistsAction exists, List<String> values) {
        Map<String, List<String>> params = parameters();
        switch (exists) {
            case override -> params.put(name, new ArrayList<>(values));
            case skip -> params.putIfAbsent(name, new ArrayList<>(values));
            case append -> params.computeIfAbsent(name, n -> new ArrayList<>()).addAll(values);
            case delete -> params.remove(name);
        }
    }

    /** The template's path replaces the path after the api prefix; its query comes first, then unmatched client parameters. */
    private void rewrite(RequestAction.RewriteUri rewrite) {
        String expanded = rewrite.expand(this::templateValue);
        int q = expanded.indexOf('?');
        String path = q < 0 ? expanded : expanded.substring(0, q);
        Map<String, List<String>> client = parameters();
        Map<String, List<String>> next = new LinkedHashMap<>();
        if (q >= 0) {
            new QueryStringDecoder(expanded.substring(q + 1), false).parameters().forEach((k, v) -> next.put(k, new ArrayList<>(v)));
        }
        if (rewrite.copyUnmatchedParams()) {
            client.forEach((k, v) -> next.putIfAbsent(k, v));
        }
        parameters = next;
        route = route.withRemainingPath(path.isEmpty() || path.startsWith("/") ? path : "/" + path);
    }

    /** A placeholder's value: the named group of the first path regex of the rule that has it. */
    private String templateValue(String name) {
        RouteRule rule = route.matchedRule();
        for (RouteCondition condition : rule == null ? List.<RouteCondition>of() : rule.when()) {
            if (condition.source() == RouteCondition.Source.path && condition.regex() != null
                    && condition.regex().namedGroups().containsKey(name)) {
                Matcher m = condition.regex().matcher(clientPath);
                if (m.matches()) {
                    return Objects.requireNonNullElse(m.group(name), "");
                }
            }
        }
        return "";
    }

    private Map<String, List<String>> parameters() {
        if (parameters == null) {
            parameters = new LinkedHashMap<>();
            if (clientQuery != null) {
                new QueryStringDecoder(clientQuery, false).parameters().forEach((k, v) -> parameters.put(k, new ArrayList<>(v)));
            }
        }
        return parameters;
    }

    private String encodedQuery() {
        QueryStringEncoder encoder = new QueryStringEncoder("");
        parameters.forEach((name, values) -> values.forEach(v -> encoder.addParam(name, v)));
        String encoded = encoder.toString();
        return encoded.isEmpty() ? null : encoded.substring(1);
    }

    /** The gateway's own answer for a return-response (or mock-response). */
    static FullHttpResponse render(RequestAction.ReturnResponse answer, ByteBufAllocator alloc) {
        HttpResponseStatus status = answer.reason() == null ? HttpResponseStatus.valueOf(answer.status())
                : new HttpResponseStatus(answer.status(), answer.reason());
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status,
                answer.body() == null ? alloc.buffer(0) : ByteBufUtil.writeUtf8(alloc, answer.body()));
        answer.headers().forEach((name, values) -> response.headers().set(name, values));
        HttpUtil.setContentLength(response, response.content().readableBytes());
        return response;
    }
}
