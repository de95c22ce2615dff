package dev.switchboard.telemetry.server;

import io.netty.channel.Channel;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

/**
 * Connects a console's public socket (on the admin listener) with its session on the telemetry socket server, so
 * the session can see whether the console keeps up with what it is sent.
 */
final class ConsoleLinks {

    private final Map<String, Channel> links = new ConcurrentHashMap<>();
    private final AtomicLong next = new AtomicLong();

    /** Registers {@code console} until it closes; returns its link id. */
    String register(Channel console) {
        String link = Long.toString(next.incrementAndGet());
        links.put(link, console);
        console.closeFuture().addListener(f -> links.remove(link));
        return link;
    }

    /** Whether the console behind {@code link} can take more bytes now; false once it has gone. */
    BooleanSupplier writability(String link) {
        Channel console = link == null ? null : links.get(link);
        return console == null ? () -> false : console::isWritable;
    }
}
