package dev.switchboard.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpRequestDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The client's request headers skip Netty's validation, so the raw-head check must refuse everything Netty's
 * validating headers refused, wherever a read splits the head, and decode the rest exactly as they did.
 */
class RequestHeadSyntaxTest {

    private static final String AFTER = "GET /after HTTP/1.1\r\nHost: a\r\n\r\n";

    @ParameterizedTest
    @ValueSource(strings = {
            "X-A: one\u0000two\r\n",          // NUL in a value
            "X-A: one\rtwo\r\n",              // bare CR in a value
            "X-A: one\u007ftwo\r\n",          // DEL in a value
            "X-A: one\u0001\r\n",             // another control character
            "Content-Length : 5\r\n",        // whitespace between name and colon
            "X@A: one\r\n",                   // a name character that is no token character
            "X\u00e9: one\r\n",               // obs-text in a name
            ": one\r\n",                      // empty name
            "X-A one\r\n",                    // no colon
            "\rX-A: one\r\n",                 // bare CR starting a line
            " X-A: folded\r\n",               // obsolete line folding
    })
    void aBadHeaderLineIsRefusedWhereverTheReadsSplitTheHeadAndNothingAfterItIsParsed(String line) {
        String wire = "GET /x HTTP/1.1\r\nHost: a\r\n" + line + "X-B: b\r\n\r\n" + AFTER;
        for (int split = 1; split < wire.length(); split++) {
            List<Object> out = decode(wire.substring(0, split), wire.substring(split));
            assertThat(out).as("split at %d", split).hasSize(1);
            HttpRequest refused = (HttpRequest) out.getFirst();
            assertThat(refused.decoderResult().cause()).as("split at %d", split).isInstanceOf(RejectedRequest.class);
            assertThat(((RejectedRequest) refused.decoderResult().cause()).problem().status()).isEqualTo(400);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "Content-Length: 1\r\nContent-Length: 2\r\n",
            "Content-Length: 3\r\nTransfer-Encoding: chunked\r\n",
            "Transfer-Encoding: chunked\r\nTransfer-Encoding: chunked\r\n",
            "X-A: bare-lf\n",
    })
    void framingNettyRefusesIsStillRefused(String lines) {
        List<Object> out = decode("POST /x HTTP/1.1\r\nHost: a\r\n" + lines + "\r\nabc" + AFTER);
        HttpRequest first = (HttpRequest) out.getFirst();
        assertThat(first.decoderResult().isFailure()).isTrue();
        assertThat(out.stream().filter(HttpRequest.class::isInstance)).hasSize(1);
    }

    @Test
    void validHeadsDecodeToTheSameHeadersAsNettysValidatingDecoder() {
        String head = "GET /x?q=1 HTTP/1.1\r\nHost: a.example:8080\r\nX-Tab: a\tb\r\nX-Obs: caf\u00e9\r\n"
                + "X-Empty:\r\nX-Spaces:   padded   \r\n!#$%&'*+-.^_`|~: token\r\nAccept: */*\r\naccept: text/plain\r\n\r\n";
        HttpRequest ours = (HttpRequest) decode(head).getFirst();
        EmbeddedChannel netty = new EmbeddedChannel(new HttpRequestDecoder());
        netty.writeInbound(bytes(head));
        HttpRequest theirs = netty.readInbound();
        assertThat(ours.decoderResult().isSuccess()).isTrue();
        assertThat(theirs.decoderResult().isSuccess()).isTrue();
        assertThat(entries(ours)).isEqualTo(entries(theirs)).hasSize(8);
        assertThat(ours.uri()).isEqualTo(theirs.uri());
        netty.finishAndReleaseAll();
    }

    @Test
    void configHeadersAreCheckedLikeNettysValidatingHeaders() {
        HeaderSyntax.requireValid("X-Key", "v a\tl\u00e9");
        for (String[] bad : new String[][] {{"X Key", "v"}, {"", "v"}, {"X-Key", "a\r\nX-Smuggled: 1"}, {"X-Key", "a\u0000"}}) {
            assertThatThrownBy(() -> HeaderSyntax.requireValid(bad[0], bad[1]))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    private static List<String> entries(HttpRequest request) {
        List<String> entries = new ArrayList<>();
        request.headers().forEach(e -> entries.add(e.getKey() + ": " + e.getValue()));
        return entries;
    }

    private static List<Object> decode(String... reads) {
        EmbeddedChannel ch = new EmbeddedChannel(new ClientHttpCodec(8192, 8192, 65536));
        for (String read : reads) {
            ch.writeInbound(bytes(read));
        }
        List<Object> out = new ArrayList<>();
        for (Object msg; (msg = ch.readInbound()) != null; ) {
            out.add(msg);
            if (msg instanceof HttpContent content) {
                content.release();
            }
        }
        ch.finishAndReleaseAll();
        return out;
    }

    private static ByteBuf bytes(String text) {
        return Unpooled.copiedBuffer(text, StandardCharsets.ISO_8859_1);
    }
}
