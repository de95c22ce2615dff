package dev.switchboard.gateway;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.netty.buffer.ByteBufAllocator;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/** Renders {@link Problem}s as {@code application/problem+json} responses. */
final class ProblemResponses {

    static final String CONTENT_TYPE = "application/problem+json";
    private static final ObjectMapper JSON = new ObjectMapper();

    private ProblemResponses() {
    }

    /** A complete response; the caller owns (and writes or releases) it. */
    static FullHttpResponse render(Problem problem, String instance, ByteBufAllocator alloc) {
        byte[] body = json(problem, instance);
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
                HttpResponseStatus.valueOf(problem.status()), alloc.buffer(body.length).writeBytes(body));
        response.headers()
                .set(HttpHeaderNames.CONTENT_TYPE, CONTENT_TYPE)
                .setInt(HttpHeaderNames.CONTENT_LENGTH, response.content().readableBytes())
                .set(HttpHeaderNames.CACHE_CONTROL, HttpHeaderValues.NO_STORE)
                .set(HttpHeaderNames.VIA, HeaderRewriter.VIA_VALUE);
        if (problem.retryAfterSeconds() >= 0) {
            response.headers().set(HttpHeaderNames.RETRY_AFTER, problem.retryAfterSeconds());
        }
        return response;
    }

    static byte[] json(Problem problem, String instance) {
        Map<String, Object> members = new LinkedHashMap<>();
        members.put("type", problem.type());
        members.put("title", problem.title());
        members.put("status", problem.status());
        members.put("detail", problem.detail());
        if (instance != null) {
            members.put("instance", instance);
        }
        members.putAll(problem.extensions());
        try {
            return JSON.writeValueAsBytes(members);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
