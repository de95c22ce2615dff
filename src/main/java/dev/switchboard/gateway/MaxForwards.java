package dev.switchboard.gateway;

import io.netty.buffer.ByteBufAllocator;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.util.AsciiString;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * RFC 9110 7.6.2: on OPTIONS and TRACE, {@code Max-Forwards} bounds the proxies a request crosses. At 0 the gateway
 * is the final recipient and answers itself; above 0 it forwards the value less one. Other methods keep the header
 * as sent. A value that is not 1*DIGIT, or two of them, is refused (400) in {@link RequestValidator}.
 */
final class MaxForwards {

    /** Request fields a TRACE echo leaves out (RFC 9110 9.3.8: likely to hold credentials). */
    private static final List<AsciiString> SENSITIVE = List.of(HttpHeaderNames.AUTHORIZATION,
            HttpHeaderNames.PROXY_AUTHORIZATION, HttpHeaderNames.COOKIE);

    private MaxForwards() {
    }

    /** Whether Max-Forwards applies to requests of {@code method}. */
    private static boolean applies(HttpMethod method) {
        return HttpMethod.OPTIONS.equals(method) || HttpMethod.TRACE.equals(method);
    }

    /** Why the request's Max-Forwards is invalid, or null (also when it has none, or its method ignores it). */
    static Problem check(HttpRequest request) {
        if (!applies(request.method()) || !request.headers().contains(HttpHeaderNames.MAX_FORWARDS)) {
            return null;
        }
        List<String> values = request.headers().getAll(HttpHeaderNames.MAX_FORWARDS);
        if (values.size() > 1 || value(values.getFirst()) < 0) {
            return Problem.malformedRequest("its Max-Forwards " + values + " is not one number of digits (RFC 9110 7.6.2)");
        }
        return null;
    }

    /** Whether the gateway is the request's final recipient: an OPTIONS or TRACE with {@code Max-Forwards: 0}. */
    static boolean endsHere(HttpRequest request) {
        if (!applies(request.method())) {
            return false;
        }
        String value = request.headers().get(HttpHeaderNames.MAX_FORWARDS);
        return value != null && value(value) == 0;
    }

    /** Lowers a checked Max-Forwards by one on the request a backend gets. */
    static void decrement(HttpRequest request) {
        String value = applies(request.method()) ? request.headers().get(HttpHeaderNames.MAX_FORWARDS) : null;
        if (value != null) {
            request.headers().setInt(HttpHeaderNames.MAX_FORWARDS, value(value) - 1);
        }
    }

    /**
     * The final recipient's answer: to OPTIONS, the methods the gateway serves; to TRACE, the request head as
     * received (RFC 9110 9.3.8) without its credentials.
     */
    static FullHttpResponse answer(HttpRequest request, ByteBufAllocator alloc) {
        FullHttpResponse response;
        if (HttpMethod.OPTIONS.equals(request.method())) {
            response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK, alloc.buffer(0));
            response.headers().set(HttpHeaderNames.ALLOW, RequestValidator.ALLOWED_METHODS);
        } else {
            String echo = echo(request);
            response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK, alloc.buffer(echo.length()));
            // Header values are read as ISO-8859-1, so each char is the byte the client sent.
            response.content().writeCharSequence(echo, StandardCharsets.ISO_8859_1);
            response.headers().set(HttpHeaderNames.CONTENT_TYPE, "message/http");
        }
        HttpUtil.setContentLength(response, response.content().readableBytes());
        return response;
    }

    private static String echo(HttpRequest request) {
        StringBuilder head = new StringBuilder()
                .append(request.method()).append(' ').append(request.uri()).append(' ').append(request.protocolVersion()).append("\r\n");
        HttpHeaders headers = request.headers();
        for (Map.Entry<String, String> header : headers) {
            if (SENSITIVE.stream().noneMatch(name -> name.contentEqualsIgnoreCase(header.getKey()))) {
                head.append(header.getKey()).append(": ").append(header.getValue()).append("\r\n");
            }
        }
        return head.append("\r\n").toString();
    }

    /** The value as a number (capped at Integer.MAX_VALUE: a larger one bounds nothing more), or -1 if it is not digits. */
    private static int value(String text) {
        if (text.isEmpty()) {
            return -1;
        }
        long n = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            n = Math.min(n * 10 + (c - '0'), Integer.MAX_VALUE);
        }
        return (int) n;
    }
}
