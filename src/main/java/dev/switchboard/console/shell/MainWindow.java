package dev.switchboard.console.shell;

import dev.switchboard.console.ConsoleSession;
import dev.switchboard.console.feed.CoalescingThrottle;
import dev.switchboard.console.feed.GatewayFeed;
import dev.switchboard.console.feed.GatewayFrame;
import java.util.List;
import java.util.function.Consumer;
import java.util.concurrent.ExecutorService;

/** The open main window, as {@link ConsoleAssembly} built it: adds gateways, taps frames, and closes what it runs. */
public final class MainWindow {

    public static final String TITLE = "Switchboard console";

    private final ConsoleModel model;
    private final CoalescingThrottle throttle;
    private final ExecutorService worker;
    private final ConsoleSession session;
    private final MainController controller;
    private final List<Consumer<GatewayFrame>> taps;
    private Runnable remember = () -> { };

    MainWindow(ConsoleSession session, ConsoleModel model, CoalescingThrottle throttle,
               ExecutorService worker, MainController controller, List<Consumer<GatewayFrame>> taps) {
        this.session = session;
        this.taps = taps;
        this.controller = controller;
        this.model = model;
        this.throttle = throttle;
        this.worker = worker;
    }

    /** Adds a gateway while the window is open: watched from now on, closed with the session. FX thread only. */
    public void connect(GatewayFeed feed) {
        session.add(feed);
        model.addGateway(feed);
        feed.start(throttle);
    }

    /** Hands {@code tap} every frame the window takes (FX thread), e.g. the fleet view's breaker matrix. */
    public void tapFrames(Consumer<GatewayFrame> tap) {
        taps.add(tap);
    }

    /** The Config tab's working text, draft or not. FX thread only. */
    public String configDraft() {
        return controller.configDraft();
    }

    /** What the window runs; closed by whoever opened the window, after {@link #close}. */
    public ConsoleSession session() {
        return session;
    }

    public ConsoleModel model() {
        return model;
    }

    /** What closing the window first remembers (its size, splits, theme, gateway). */
    void rememberOnClose(Runnable action) {
        remember = action;
    }

    public void close() {
        remember.run();
        controller.close();
        throttle.close();
        worker.shutdownNow();
    }
}
