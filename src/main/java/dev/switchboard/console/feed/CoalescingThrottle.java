package dev.switchboard.console.feed;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * The one path from every feed to the UI. Feeds overwrite the latest frame per gateway and queue events from any
 * thread; once per period, and only when the previous delivery has been consumed, one task goes to the UI
 * executor ({@code Platform::runLater}) with everything new. A busy UI therefore sees fewer, fresher frames instead
 * of a growing queue.
 */
public final class CoalescingThrottle implements FeedListener, AutoCloseable {

    /** Events beyond this many undelivered ones are dropped, oldest first, so a stalled UI cannot exhaust memory. */
    static final int MAX_PENDING_EVENTS = 10_000;

    private final Map<String, GatewayFrame> latest = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<ConsoleEvent> events = new ConcurrentLinkedQueue<>();
    private final AtomicInteger pendingEvents = new AtomicInteger();
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private final Executor ui;
    private final Consumer<FrameBatch> consumer;
    private ScheduledExecutorService timer;
    private boolean closed;

    /**
     * @param ui       runs the delivery, e.g. {@code Platform::runLater}
     * @param consumer receives each batch on the UI executor
     */
    public CoalescingThrottle(Executor ui, Consumer<FrameBatch> consumer) {
        this.ui = ui;
        this.consumer = consumer;
    }

    /** Starts the periodic delivery; tests may call {@link #tick()} by hand instead. */
    public synchronized void start(Duration period) {
        if (closed) {
            return; // closed before it started (a window shut before its first frame)
        }
        timer = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("ui-throttle").factory());
        timer.scheduleAtFixedRate(this::tick, period.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void frame(GatewayFrame frame) {
        latest.put(frame.gatewayId(), frame);
    }

    @Override
    public void event(ConsoleEvent event) {
        events.add(event);
        if (pendingEvents.incrementAndGet() > MAX_PENDING_EVENTS && events.poll() != null) {
            pendingEvents.decrementAndGet();
        }
    }

    /** Schedules one delivery if there is news and the previous delivery has run. */
    public void tick() {
        if ((!latest.isEmpty() || !events.isEmpty()) && scheduled.compareAndSet(false, true)) {
            ui.execute(this::deliver);
        }
    }

    private void deliver() {
        try {
            List<GatewayFrame> frames = new ArrayList<>(latest.size());
            for (String id : latest.keySet()) {
                GatewayFrame f = latest.remove(id);
                if (f != null) {
                    frames.add(f);
                }
            }
            List<ConsoleEvent> batch = new ArrayList<>();
            for (ConsoleEvent e; (e = events.poll()) != null; ) {
                pendingEvents.decrementAndGet();
                batch.add(e);
            }
            consumer.accept(new FrameBatch(frames, batch));
        } finally {
            scheduled.set(false);
        }
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (timer != null) {
            timer.shutdownNow();
        }
    }
}
