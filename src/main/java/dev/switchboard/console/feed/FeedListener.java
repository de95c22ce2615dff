package dev.switchboard.console.feed;

/** Where a feed delivers; called on the feed's own threads, so implementations only hand the data over. */
public interface FeedListener {

    void frame(GatewayFrame frame);

    void event(ConsoleEvent event);
}
