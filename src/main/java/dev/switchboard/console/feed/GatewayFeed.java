package dev.switchboard.console.feed;

/** A gateway the console watches and steers: embedded in-process or remote over telemetry. */
public interface GatewayFeed extends AutoCloseable {

    /** The console's name for this gateway. */
    String id();

    /** Starts delivering frames and events to {@code listener} from the feed's own threads. */
    void start(FeedListener listener);

    GatewayControl control();

    /**
     * Where the gateway's DNS responder listens (UDP and TCP), as "host:port", or why that is not shown. A remote
     * gateway's telemetry snapshot does not carry it, so only a gateway in this process knows.
     */
    default String dnsResponder() {
        return "not known (the gateway's snapshot does not say)";
    }

    @Override
    void close();
}
