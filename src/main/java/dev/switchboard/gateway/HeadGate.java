package dev.switchboard.gateway;

import io.netty.buffer.ByteBuf;
import io.netty.handler.codec.http.HttpDecoderConfig;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.LastHttpContent;
import java.util.function.Function;

/**
 * Holds one connection's decoder back until a whole head has arrived and {@link HeadScan} has passed it: Netty gets a
 * head only once it is complete and valid, or once it is longer than Netty's limits allow (so Netty refuses it as too
 * large). Never parsing across a message's end, it is at a head again after each {@link LastHttpContent}. After a
 * refusal, or a message Netty decoded as failed, every byte is dropped unparsed.
 */
final class HeadGate {

    enum Step {
        /** Let Netty decode the readable bytes. */
        DECODE,
        /** Nothing to decode yet (or ever, after a refusal). */
        WAIT,
        /** The head breaks a rule ({@link #problem()}); the connection's bytes are dropped from here. */
        REFUSE
    }

    private final int maxHeadBytes;
    private final Function<ByteBuf, HeadScan.Verdict> scan;
    private boolean atHead = true;
    private boolean discarding;
    private String problem;

    HeadGate(HttpDecoderConfig config, Function<ByteBuf, HeadScan.Verdict> scan) {
        this.maxHeadBytes = HeadScan.maxRawHeadBytes(config);
        this.scan = scan;
    }

    Step before(ByteBuf in) {
        if (discarding) {
            in.skipBytes(in.readableBytes());
            return Step.WAIT;
        }
        if (atHead) {
            HeadScan.Verdict head = scan.apply(in);
            if (head.problem() != null) {
                problem = head.problem();
                refuse(in);
                return Step.REFUSE;
            }
            if (head == HeadScan.Verdict.INCOMPLETE && in.readableBytes() <= maxHeadBytes) {
                return Step.WAIT;
            }
        }
        return Step.DECODE;
    }

    /** Whether the next byte starts a message's head (and the connection was not refused). */
    boolean atHead() {
        return atHead && !discarding;
    }

    /** What the head refused by {@link #before} broke. */
    String problem() {
        return problem;
    }

    /** Drops what is readable and everything after it. */
    void refuse(ByteBuf in) {
        discarding = true;
        in.skipBytes(in.readableBytes());
    }

    /** Follows what Netty decoded: a head starts a message, its last part ends it, a failed part ends the connection. */
    void decoded(Object msg) {
        if (msg instanceof HttpObject part && part.decoderResult().isFailure()) {
            // Netty drops every byte after a failed message (BAD_MESSAGE): where the next message starts is unknown.
            discarding = true;
        }
        if (msg instanceof HttpMessage) {
            atHead = false;
        }
        if (msg instanceof LastHttpContent) {
            atHead = true;
        }
    }
}
