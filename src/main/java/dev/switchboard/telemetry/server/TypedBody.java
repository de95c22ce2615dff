package dev.switchboard.telemetry.server;

/** A response body with its content type, for endpoints whose type depends on the request (content negotiation). */
record TypedBody(String type, String text) {
}
