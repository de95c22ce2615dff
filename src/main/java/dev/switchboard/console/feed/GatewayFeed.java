package dev.switchboard.console.feed;

/** A gateway the console watches and steers: embedded in-process or remote over telemetry. */
public interface GatewayFeed extends AutoCloseable {

    /** The console's name for this gateway. */
    String id();

    /** Starts delivering frames and events to {@code listener} from the feed's own threads. */
    void start(FeedListener listener);

    GatewayControl control();

    @Override
    void close();
}
