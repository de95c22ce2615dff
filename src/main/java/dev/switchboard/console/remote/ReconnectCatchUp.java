package dev.switchboard.console.remote;

import dev.switchboard.console.feed.ConsoleEvent;
import dev.switchboard.console.feed.EventKind;
import dev.switchboard.console.feed.Failures;
import dev.switchboard.console.feed.FeedListener;
import dev.switchboard.telemetry.client.GatewayModel;
import dev.switchboard.telemetry.client.HistoryFetcher;
import dev.switchboard.telemetry.client.HistoryFetcher.EventPage;
import dev.switchboard.telemetry.protocol.TelemetryEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands one gateway's events to the console exactly once, and after a reconnect (or a resync) fetches what fell out of
 * the snapshot's ring while the console was away: {@code /api/events?since=<last id seen>} (from 0 when the epoch
 * changed: the gateway restarted) and {@code /api/audit} from the last audit record seen. The fetch runs off the
 * client's and the FX thread; live events wait behind it so Events stays in order. What the gateway no longer has is
 * said in one notice, and a failed fetch is a console event, never the end of the feed.
 */
final class ReconnectCatchUp {

    private static final Logger LOG = LoggerFactory.getLogger(ReconnectCatchUp.class);
    static final int AUDIT_PAGE = 1_000;
    /** Audit pages per catch-up: bounds a log with more than this many records in one millisecond. */
    static final int AUDIT_PAGES = 10;
    private static final long AUDIT_MARGIN_MILLIS = 10_000;

    /** An event with where it came from; {@code eventId} 0 for audit records. */
    private record Sighting(long epoch, long eventId, TelemetryEvent event) {
    }

    /** The newest event the console has seen, where to ask from after a reconnect. */
    private record Position(long epoch, long lastEventId) {
    }

    private record Fetched(EventPage events, AuditRecords audit) {

        int unreadable() {
            return events.unreadable() + audit.unreadable();
        }
    }

    /** The audit records of one or more pages, and how many entries could not be read. */
    private record AuditRecords(List<TelemetryEvent.OperatorAction> entries, int unreadable) {
    }

    private final String consoleId;
    private final FeedListener listener;
    private final Supplier<HistoryFetcher> history;
    private final EventReplay replay = new EventReplay();
    // Guarded by this.
    private Position position;
    private long lastAuditMillis;
    private long lastGatewayMillis;
    private int fetching;
    private final List<ConsoleEvent> held = new ArrayList<>();

    ReconnectCatchUp(String consoleId, FeedListener listener, Supplier<HistoryFetcher> history) {
        this.consoleId = consoleId;
        this.listener = listener;
        this.history = history;
    }

    /** A snapshot: its ring is shown at once the first time, else merged with what a fetch brings. */
    synchronized void snapshot(GatewayModel model) {
        List<Sighting> ring = numbered(model);
        Position from = position;
        long auditFrom = auditSince();
        position = new Position(model.epoch(), model.lastEventId());
        ring.forEach(s -> note(s.event()));
        if (from == null || model.epoch() == 0) {
            emit(fresh(ring));
            return;
        }
        fetching++;
        long since = from.epoch() == model.epoch() ? from.lastEventId() : 0;
        CompletableFuture<Fetched> fetch;
        try {
            HistoryFetcher fetcher = history.get();
            fetch = fetcher.eventsSince(since).thenCombine(audit(fetcher, auditFrom, new AuditRecords(List.of(), 0), 0),
                    Fetched::new);
        } catch (RuntimeException e) {
            fetch = CompletableFuture.failedFuture(e);
        }
        fetch.whenComplete((fetched, error) -> done(ring, from, since, model.epoch(), fetched, error));
    }

    /** The newest model: where to ask from next time. */
    synchronized void model(GatewayModel model) {
        lastGatewayMillis = Math.max(lastGatewayMillis, model.statsAtMillis());
        if (position != null && model.epoch() == position.epoch()) {
            position = new Position(model.epoch(), Math.max(position.lastEventId(), model.lastEventId()));
        }
    }

    /** An event as it happened. */
    synchronized void live(TelemetryEvent event, long eventId) {
        note(event);
        if (replay.firstSight(position == null ? 0 : position.epoch(), eventId, event)) {
            ConsoleEvent shown = TelemetryFrames.event(consoleId, event);
            if (fetching > 0) {
                held.add(shown);
            } else {
                listener.event(shown);
            }
        }
    }

    private void note(TelemetryEvent event) {
        lastGatewayMillis = Math.max(lastGatewayMillis, event.ts());
        if (event instanceof TelemetryEvent.OperatorAction) {
            lastAuditMillis = Math.max(lastAuditMillis, event.ts());
        }
    }

    private synchronized void done(List<Sighting> ring, Position from, long since, long epoch, Fetched fetched,
                                   Throwable error) {
        try {
            List<Sighting> all = new ArrayList<>(ring);
            List<ConsoleEvent> notices = new ArrayList<>();
            if (error == null) {
                fetched.events().events().forEach(e -> all.add(new Sighting(fetched.events().epoch(), e.eventId(), e.event())));
                fetched.audit().entries().forEach(a -> all.add(new Sighting(0, 0, a)));
                all.sort(Comparator.comparingLong(s -> s.event().ts()));
                if (from.epoch() != epoch) {
                    notices.add(notice(false, "gateway restarted while disconnected: events of its previous run after "
                            + "the last one seen are gone (it keeps only its audit records)"));
                }
                if (!fetched.events().complete()) {
                    notices.add(notice(true, lost(fetched.events(), since)));
                }
                if (fetched.unreadable() > 0) {
                    notices.add(notice(false, fetched.unreadable() + " events missed while disconnected are of a kind "
                            + "this console cannot read (a newer gateway?) and are not shown"));
                }
            } else {
                LOG.warn("{}: could not fetch the events missed while disconnected", consoleId, Failures.cause(error));
                notices.add(notice(true, "could not fetch the events missed while disconnected (only the newest "
                        + ring.size() + " are shown): " + Failures.cause(error).getMessage()));
            }
            all.forEach(s -> note(s.event()));
            emit(fresh(all));
            emit(notices);
        } catch (RuntimeException e) {
            LOG.warn("{}: a bad catch-up answer", consoleId, e);
            emit(List.of(notice(true, "could not merge the events missed while disconnected: " + e)));
        } finally {
            if (--fetching == 0) {
                emit(held);
                held.clear();
            }
        }
    }

    private static String lost(EventPage page, long since) {
        if (page.oldestEventId() == 0 || page.retained() == 0) {
            return "events missed while disconnected: the gateway no longer has all of them";
        }
        return (page.oldestEventId() - since - 1) + " events missed while disconnected (gateway keeps only the last "
                + page.retained() + ")";
    }

    private ConsoleEvent notice(boolean alert, String message) {
        return new ConsoleEvent(Instant.now(), consoleId, "", EventKind.CONNECTION, alert, message);
    }

    /** Audit records at or after {@code since}, paged while the gateway says there are more. */
    private static CompletableFuture<AuditRecords> audit(HistoryFetcher fetcher, long since, AuditRecords found, int pages) {
        return fetcher.auditSince(since, AUDIT_PAGE).thenCompose(page -> {
            List<TelemetryEvent.OperatorAction> entries = new ArrayList<>(found.entries());
            entries.addAll(page.entries());
            AuditRecords more = new AuditRecords(entries, found.unreadable() + page.unreadable());
            boolean again = page.more() && !page.entries().isEmpty() && pages + 1 < AUDIT_PAGES;
            return again ? audit(fetcher, page.entries().getLast().ts(), more, pages + 1)
                    : CompletableFuture.completedFuture(more);
        });
    }

    /**
     * Audit records from when the gateway was last heard (the console saw those before live), with a margin for a
     * record stamped just before a stats message it was sent after; duplicates are dropped.
     */
    private long auditSince() {
        return Math.max(0, Math.max(lastAuditMillis, lastGatewayMillis - AUDIT_MARGIN_MILLIS));
    }

    /** The ring's events with their ids: consecutive, ending at the snapshot's {@code lastEventId}. */
    private static List<Sighting> numbered(GatewayModel model) {
        List<TelemetryEvent> ring = model.events();
        long first = model.epoch() == 0 ? 0 : model.lastEventId() - ring.size() + 1;
        List<Sighting> numbered = new ArrayList<>(ring.size());
        for (int i = 0; i < ring.size(); i++) {
            numbered.add(new Sighting(model.epoch(), first <= 0 ? 0 : first + i, ring.get(i)));
        }
        return numbered;
    }

    /** Those not shown yet, as history: too old for a notification. */
    private List<ConsoleEvent> fresh(List<Sighting> sightings) {
        return sightings.stream().filter(s -> replay.firstSight(s.epoch(), s.eventId(), s.event()))
                .map(s -> TelemetryFrames.replayed(consoleId, s.event())).toList();
    }

    private void emit(List<ConsoleEvent> events) {
        events.forEach(listener::event);
    }
}
