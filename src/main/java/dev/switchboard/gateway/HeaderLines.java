package dev.switchboard.gateway;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.handler.codec.http.HttpHeaders;
import java.util.Iterator;
import java.util.Map;

/**
 * Header lines as Netty's HTTP encoders write them, written straight into the head's buffer: Netty writes a String
 * (every decoded header is one) through {@code setCharSequence}, which looks up the charset for each name and value.
 * Both the client's responses and the backends' requests are encoded with it.
 */
final class HeaderLines {

    private static final int COLON_SPACE = ':' << 8 | ' ';
    private static final int CRLF = '\r' << 8 | '\n';

    private HeaderLines() {
    }

    static void write(HttpHeaders headers, ByteBuf buf) {
        for (Iterator<Map.Entry<CharSequence, CharSequence>> it = headers.iteratorCharSequence(); it.hasNext(); ) {
            Map.Entry<CharSequence, CharSequence> header = it.next();
            ByteBufUtil.writeAscii(buf, header.getKey());
            buf.writeShort(COLON_SPACE);
            ByteBufUtil.writeAscii(buf, header.getValue());
            buf.writeShort(CRLF);
        }
    }
}
