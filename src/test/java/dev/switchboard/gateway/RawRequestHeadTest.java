package dev.switchboard.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpDecoderConfig;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpRequestDecoder;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.AsciiString;
import io.netty.util.ReferenceCountUtil;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A client's plain request head is read in one pass ({@link RawRequestHeadParser}) into what Netty's decoder gave,
 * its body by length; every other head is left to Netty's decoder and {@link HeadScan}, exactly as before.
 */
class RawRequestHeadTest {

    private static final int MAX_HEADER = 1024;

    @ParameterizedTest
    @ValueSource(strings = {
            "GET /nr/items/42?expand=true HTTP/1.1\r\nHost: api.example.com\r\nUser-Agent: wrk\r\nAccept: */*\r\n\r\n",
            "POST /orders HTTP/1.1\r\nHost: a\r\nContent-Type: text/plain\r\nContent-Length: 5\r\n\r\nhello",
            "PUT /x HTTP/1.1\r\nHost: a\r\ncontent-LENGTH: 0\r\n\r\n",
            "GET /x HTTP/1.1\r\nHost: a\r\nX-Spaced: \t around \t \r\nX-Empty:\r\nX-Tight:v\r\n\r\n",
            "GET /x HTTP/1.1\r\nHost: a\r\nX-Obs: caf\u00e9\tbar\r\nCookie: a=1\r\ncookie: b=2\r\n\r\n",
            "OPTIONS * HTTP/1.1\r\nHost: a\r\n\r\n",
            "PURGE /cache/k HTTP/1.1\r\nHost: a\r\n\r\n",
            "DELETE http://a.example/x?y=%20z HTTP/1.1\r\nHost: a.example\r\n\r\n",
            "CONNECT a.example:443 HTTP/1.1\r\nHost: a.example:443\r\n\r\n",
            "GET /x HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n",
            "PATCH /x HTTP/1.1\r\nHost: a\r\nContent-Length: 12\r\n\r\n0123456789ab",
    })
    void aPlainHeadIsReadInOnePassIntoWhatNettysDecoderGave(String request) {
        List<Object> raw = decode(gatewayCodec(65536), request);
        HttpRequest head = (HttpRequest) raw.getFirst();
        Map.Entry<CharSequence, CharSequence> first = head.headers().iteratorCharSequence().next();
        assertThat(first.getValue()).as("read in one pass: values are slices of the head").isInstanceOf(AsciiString.class);
        assertThat(describe(raw)).isEqualTo(describe(decode(nettyDecoder(65536), request)));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "GET /x HTTP/1.0\r\nHost: a\r\n\r\n",
            "POST /x HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n",
            "POST /x HTTP/1.1\r\nHost: a\r\nContent-Length: 1\r\nContent-Length: 1\r\n\r\nx",
            "POST /x HTTP/1.1\r\nHost: a\r\nContent-Length: 1, 1\r\n\r\nx",
            "POST /x HTTP/1.1\r\nHost: a\r\nContent-Length: +1\r\n\r\nx",
            "POST /x HTTP/1.1\r\nHost: a\r\nContent-Length: 01\r\n\r\nx",
            "POST /x HTTP/1.1\r\nHost: a\r\nContent-Length: \r\n\r\n",
            "POST /x HTTP/1.1\r\nHost: a\r\nContent-Length: 1234567890123456789\r\n\r\n",
            "GET /x HTTP/1.1\r\nHost: a\r\nX-F: one\r\n two\r\n\r\n",
            "GET /x HTTP/1.1\r\nHost : a\r\n\r\n",
            "GET /x HTTP/1.1\nHost: a\n\n",
            "GET /x HTTP/1.1\r\nHost: a\nX: b\r\n\r\n",
            "\r\nGET /x HTTP/1.1\r\nHost: a\r\n\r\n",
            "GET /x HTTP/1.1\r\nHost: a\r\nX: a\u0001b\r\n\r\n",
            "GET /x HTTP/1.1\r\nHost: a\r\nX: a\rb\r\n\r\n",
            "GET /caf\u00e9 HTTP/1.1\r\nHost: a\r\n\r\n",
            "GET  /x HTTP/1.1\r\nHost: a\r\n\r\n",
            "GET /x  HTTP/1.1\r\nHost: a\r\n\r\n",
            "GET /x HTTP/1.1 \r\nHost: a\r\n\r\n",
            "GET /x http/1.1\r\nHost: a\r\n\r\n",
            "GET /x HTTP/1.1\r\nHost: a\r\n",
            "G\"T /x HTTP/1.1\r\nHost: a\r\n\r\n",
    })
    void everyOtherHeadIsLeftUnreadForNettysDecoder(String request) {
        ByteBuf in = bytes(request);
        assertThat(new RawRequestHeadParser(8192, MAX_HEADER).parse(in)).isNull();
        assertThat(in.readerIndex()).isZero();
        in.release();
    }

    @Test
    void aHeadNearTheSizeLimitIsLeftForNettyToJudge() {
        // Its header lines are over the limit with their line ends, and within it as Netty counts them (without).
        String head = "GET /x HTTP/1.1\r\nHost: a\r\n" + "X-Pad: 0123456789\r\n".repeat(55) + "\r\n";
        ByteBuf in = bytes(head);
        assertThat(new RawRequestHeadParser(8192, MAX_HEADER).parse(in)).isNull();
        in.release();
        HttpRequest decoded = (HttpRequest) decode(gatewayCodec(65536), head).getFirst();
        assertThat(decoded.decoderResult().isSuccess()).isTrue();
        assertThat(decoded.headers().getAll("X-Pad")).hasSize(55);
    }

    @Test
    void requestsSplitAnywhereArriveAsNettyDecodesThemAndEachHeadTakesItsOwnPath() {
        String stream = "POST /a HTTP/1.1\r\nHost: a\r\nContent-Length: 5\r\n\r\nhello"
                + "GET /b HTTP/1.1\r\nHost: a\r\n\r\n"
                + "POST /c HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n0\r\n\r\n"
                + "POST /d HTTP/1.1\r\nHost: a\r\nContent-Length: 0\r\n\r\n"
                + "GET /e HTTP/1.0\r\nHost: a\r\n\r\n"
                + "PUT /f HTTP/1.1\r\nHost: a\r\nContent-Length: 3\r\n\r\nxyz";
        for (int split = 1; split < stream.length(); split++) {
            String[] reads = {stream.substring(0, split), stream.substring(split)};
            List<String> expected = describe(decode(nettyDecoder(65536), reads));
            assertThat(expected).as("split at %d", split).filteredOn(m -> m.matches("[A-Z]+ /.*")).hasSize(6);
            assertThat(describe(decode(gatewayCodec(65536), reads))).as("split at %d", split).isEqualTo(expected);
        }
    }

    @Test
    void aBodyLongerThanAChunkArrivesInChunksAsNettyCutsThem() {
        String request = "POST /x HTTP/1.1\r\nHost: a\r\nContent-Length: 10\r\n\r\n0123456789GET /y HTTP/1.1\r\nHost: a\r\n\r\n";
        List<Object> raw = decode(gatewayCodec(4), request);
        assertThat(raw).hasSize(5);
        assertThat(describe(raw)).isEqualTo(describe(decode(nettyDecoder(4), request)));
    }

    /** A request without a body goes down the pipeline as one message: one hop per handler, not two. */
    @ParameterizedTest
    @ValueSource(strings = {"GET /x HTTP/1.1\r\nHost: a\r\n\r\n", "POST /x HTTP/1.1\r\nHost: a\r\nContent-Length: 0\r\n\r\n"})
    void aRequestWithoutABodyArrivesWhole(String request) {
        List<Object> raw = decode(gatewayCodec(65536), request);
        assertThat(raw).hasSize(1);
        assertThat(raw.getFirst()).isInstanceOf(FullHttpRequest.class);
        assertThat(((FullHttpRequest) raw.getFirst()).content().readableBytes()).isZero();
    }

    @Test
    void aBodyEndsWhereItsLengthSaysSoAFoldedHeadInsideItIsTheNextRequestAndRefused() {
        List<Object> out = decode(gatewayCodec(65536), "POST /a HTTP/1.1\r\nHost: a\r\nContent-Length: 2\r\n\r\nokGET /b HTTP/1.1\r\n"
                + "Host: a\r\nX: one\r\n two\r\n\r\nGET /c HTTP/1.1\r\nHost: a\r\n\r\n");
        List<HttpRequest> requests = out.stream().filter(HttpRequest.class::isInstance).map(HttpRequest.class::cast).toList();
        assertThat(requests).hasSize(2);
        assertThat(requests.getFirst().uri()).isEqualTo("/a");
        assertThat(requests.getLast().decoderResult().cause()).isInstanceOf(RejectedRequest.class);
    }

    private static EmbeddedChannel gatewayCodec(int maxChunk) {
        return new EmbeddedChannel(new ClientHttpCodec(8192, MAX_HEADER, maxChunk));
    }

    private static EmbeddedChannel nettyDecoder(int maxChunk) {
        return new EmbeddedChannel(new HttpRequestDecoder(new HttpDecoderConfig()
                .setMaxInitialLineLength(8192).setMaxHeaderSize(MAX_HEADER).setMaxChunkSize(maxChunk)));
    }

    private static List<Object> decode(EmbeddedChannel ch, String... reads) {
        for (String read : reads) {
            ch.writeInbound(bytes(read));
        }
        List<Object> out = new ArrayList<>();
        for (Object msg; (msg = ch.readInbound()) != null; ) {
            out.add(msg);
        }
        ch.finishAndReleaseAll();
        return out;
    }

    /** Each message as text (head: method, target, version, header lines; part: its bytes and whether it is last); releases them. */
    private static List<String> describe(List<Object> messages) {
        List<String> text = new ArrayList<>();
        for (Object msg : messages) {
            if (msg instanceof HttpRequest request) {
                StringBuilder line = new StringBuilder();
                line.append(request.method()).append(' ').append(request.uri()).append(' ').append(request.protocolVersion())
                        .append(request.decoderResult().isSuccess() ? "" : " failed");
                request.headers().iteratorCharSequence().forEachRemaining(h -> line.append(" | ").append(h.getKey()).append(": ").append(h.getValue()));
                text.add(line.toString());
            }
            // A whole request (head and last part in one message) reads as the two messages Netty's decoder gives.
            if (msg instanceof HttpContent content) {
                StringBuilder line = new StringBuilder();
                line.append(msg instanceof LastHttpContent ? "last " : "part ").append(content.content().toString(StandardCharsets.ISO_8859_1));
                if (msg instanceof LastHttpContent last) {
                    last.trailingHeaders().iteratorCharSequence().forEachRemaining(h -> line.append(" | ").append(h.getKey()));
                }
                text.add(line.toString());
            }
            ReferenceCountUtil.release(msg);
        }
        return text;
    }

    private static ByteBuf bytes(String text) {
        return Unpooled.copiedBuffer(text, StandardCharsets.ISO_8859_1);
    }
}
