package dev.switchboard.console;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.IntConsumer;
import javafx.animation.AnimationTimer;
import javafx.scene.Node;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;

/**
 * {@code switchboard console --smoke-test}: the console starts as usual, and once its main window has drawn frames
 * (every tab shown once, so each tab's controls are created and rendered) it prints one line and quits with exit
 * code 0. Any startup error gives a non-zero exit code with the error, and so does a window that is not drawn
 * within the timeout. Meant for installers and CI, where it runs on JavaFX's headless platform
 * ({@code -Dglass.platform=Headless -Dprism.order=sw}).
 */
public final class SmokeTest {

    public static final Duration TIMEOUT = Duration.ofSeconds(60);
    /** Exit code when the window throws while starting or drawing. */
    public static final int FAILED = 1;
    /** Exit code when the window is not drawn within the timeout. */
    public static final int TIMED_OUT = 4;

    private final PrintWriter out;
    private final PrintWriter err;
    private final Duration timeout;
    private final IntConsumer hardExit;
    private final CountDownLatch finished = new CountDownLatch(1);
    private volatile int exitCode = TIMED_OUT;

    /**
     * @param hardExit ends the process when the timeout passes ({@code System::exit} outside tests): by then the
     *                 toolkit may be stuck, so quitting it normally cannot be relied on
     */
    public SmokeTest(PrintWriter out, PrintWriter err, Duration timeout, IntConsumer hardExit) {
        this.out = out;
        this.err = err;
        this.timeout = timeout;
        this.hardExit = hardExit;
    }

    /** Starts the clock: from now on the window has {@code timeout} to be drawn. */
    void startTimer() {
        Thread.ofPlatform().daemon().name("smoke-test-timeout").start(() -> {
            try {
                if (!finished.await(timeout.toMillis(), TimeUnit.MILLISECONDS)
                        && fail(TIMED_OUT, "the main window was not drawn within " + timeout.toMillis() + " ms")) {
                    hardExit.accept(TIMED_OUT);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }

    /**
     * Called on the FX thread once the main window's stage is showing: from the next pulse on, shows each tab for one
     * frame, then reports success and runs {@code quit}. An exception thrown on the FX thread meanwhile fails the test
     * and quits too.
     */
    void windowShown(Stage stage, Runnable quit) {
        Thread fx = Thread.currentThread();
        Thread.UncaughtExceptionHandler previous = fx.getUncaughtExceptionHandler();
        Deque<Runnable> steps = new ArrayDeque<>();
        int tabs = 0;
        for (Node node : stage.getScene().getRoot().lookupAll(".tab-pane")) {
            if (node instanceof TabPane pane) {
                Tab selected = pane.getSelectionModel().getSelectedItem();
                for (Tab tab : pane.getTabs()) {
                    steps.add(() -> pane.getSelectionModel().select(tab));
                    tabs++;
                }
                steps.add(() -> pane.getSelectionModel().select(selected));
            }
        }
        String shown = stage.getTitle() + " (" + tabs + " tabs drawn)";
        AnimationTimer frames = new AnimationTimer() {
            private int count;

            @Override
            public void handle(long now) {
                count++;
                if (!steps.isEmpty()) {
                    steps.poll().run();
                } else if (count >= 2 && stage.isShowing()) {
                    // This pulse comes after the one that rendered the last step, so every frame has been drawn.
                    stop();
                    fx.setUncaughtExceptionHandler(previous);
                    if (finish(0)) {
                        out.println("smoke test: main window shown: " + shown);
                        out.flush();
                    }
                    quit.run();
                }
            }
        };
        fx.setUncaughtExceptionHandler((t, e) -> {
            frames.stop();
            fx.setUncaughtExceptionHandler(previous);
            failed(e);
            quit.run();
        });
        frames.start();
    }

    /** Reports an error that stopped the console from starting; the exit code becomes {@link #FAILED}. */
    void failed(Throwable e) {
        if (fail(FAILED, String.valueOf(e))) {
            e.printStackTrace(err);
            err.flush();
        }
    }

    private boolean fail(int code, String why) {
        if (!finish(code)) {
            return false;
        }
        err.println("smoke test failed: " + why);
        err.flush();
        return true;
    }

    /** Records the outcome once; later outcomes are ignored. */
    private synchronized boolean finish(int code) {
        if (finished.getCount() == 0) {
            return false;
        }
        exitCode = code;
        finished.countDown();
        return true;
    }

    /** The process's exit code once the toolkit has quit; a toolkit that quit before the window was drawn fails. */
    int exitCode() {
        fail(FAILED, "the console quit before its main window was drawn");
        return exitCode;
    }
}
