package dev.switchboard.gateway;

import dev.switchboard.engine.routing.RequestView;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.util.List;
import java.util.Map;

/** A Netty request head as the engine's router sees it; the query string is decoded only if a rule asks. */
final class HttpRequestView implements RequestView {

    private final HttpRequest request;
    private final String path;
    private final String rawQuery;
    private final String clientIp;
    private Map<String, List<String>> parameters;

    /** A view without the client's address, for checks that only need the api a request claims. */
    HttpRequestView(HttpRequest request, String path, String rawQuery) {
        this(request, path, rawQuery, null);
    }

    HttpRequestView(HttpRequest request, String path, String rawQuery, String clientIp) {
        this.request = request;
        this.path = path;
        this.rawQuery = rawQuery;
        this.clientIp = clientIp;
    }

    @Override
    public String rawQuery() {
        return rawQuery;
    }

    @Override
    public String method() {
        return request.method().name();
    }

    @Override
    public String clientIp() {
        return clientIp;
    }

    @Override
    public String host() {
        return request.headers().get(HttpHeaderNames.HOST);
    }

    @Override
    public String path() {
        return path;
    }

    @Override
    public String header(String name) {
        return request.headers().get(name);
    }

    @Override
    public String query(String name) {
        if (rawQuery == null) {
            return null;
        }
        if (parameters == null) {
            parameters = new QueryStringDecoder(rawQuery, false).parameters();
        }
        List<String> values = parameters.get(name);
        return values == null || values.isEmpty() ? null : values.getFirst();
    }
}
