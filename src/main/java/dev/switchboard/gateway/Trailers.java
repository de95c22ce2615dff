package dev.switchboard.gateway;

import io.netty.handler.codec.http.LastHttpContent;

/**
 * Trailer fields cross no hop, in either direction: a recipient that merges them into the headers (many do) would
 * read fields the gateway never checked or rewrote, after the head it routed on. Envoy drops HTTP/1 trailers unless
 * told otherwise; the gateway has no use for them. Netty's decoder still parses and validates them, so a malformed
 * trailer section fails the message as before; the chunked body they came with then ends with the last chunk and an
 * empty trailer section.
 */
final class Trailers {

    private Trailers() {
    }

    /** Empties the trailer fields of a message's last part, if it is one and has any. */
    static void drop(Object decoded) {
        if (decoded instanceof LastHttpContent last && !last.trailingHeaders().isEmpty()) {
            last.trailingHeaders().clear();
        }
    }
}
