package dev.switchboard.console;

import dev.switchboard.console.remote.RemoteGatewayFeed;
import dev.switchboard.console.shell.MainWindow;
import dev.switchboard.testing.FxClick;
import dev.switchboard.testing.TcpRelay;
import java.net.URI;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** Reads the live window on the FX thread (it changes its scene graph while a test runs) and types into it. */
final class LiveWindow {

    private LiveWindow() {
    }

    static <T> T onFxGet(Callable<T> read) throws Exception {
        return WaitForAsyncUtils.asyncFx(read).get();
    }

    static boolean onFx(Callable<Boolean> check) throws Exception {
        return WaitForAsyncUtils.asyncFx(check).get();
    }

    static boolean present(FxRobot robot, String query) throws Exception {
        return onFx(() -> robot.lookup(query).tryQuery().isPresent());
    }

    static <T extends Node> T find(FxRobot robot, String query, Class<T> type) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> robot.lookup(query).queryAs(type)).get();
    }

    /**
     * Scrolls the pools view so the node {@code query} finds (a card or a part of one) is on screen, as an operator
     * scrolls to a card before reading it: cards off screen do not redraw their numbers.
     */
    static void scrollIntoView(FxRobot robot, String query) throws Exception {
        Node node = find(robot, query, Node.class);
        WaitForAsyncUtils.asyncFx(() -> {
            Parent p = node.getParent();
            while (!(p instanceof ScrollPane)) {
                p = p.getParent();
            }
            ScrollPane scroll = (ScrollPane) p;
            Bounds at = scroll.getContent().sceneToLocal(node.localToScene(node.getLayoutBounds()));
            double room = scroll.getContent().getLayoutBounds().getHeight() - scroll.getViewportBounds().getHeight();
            scroll.setVvalue(room <= 0 ? 0 : Math.clamp(at.getMinY() / room, 0, 1));
        }).get();
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Selects all of a field's text and types over it, as an operator would. */
    static void replaceText(FxRobot robot, TextField field, String text) {
        FxClick.clickOn(robot, field);
        robot.press(KeyCode.CONTROL, KeyCode.A).release(KeyCode.A, KeyCode.CONTROL);
        robot.write(text);
    }

    /**
     * Connects a remote test gateway to the window and selects it by clicking its row, once it is listed. A row
     * clicked in the very pulse it appears in can still move under the pointer (its neighbours' first frames change
     * their height), so the click is checked, and repeated, as an operator would, when another row took it.
     */
    static void selectRemote(FxRobot robot, MainWindow window, RemoteGatewayHarness remote, String name)
            throws Exception {
        WaitForAsyncUtils.asyncFx(() -> window.connect(
                new RemoteGatewayFeed(name, remote.telemetry(), RemoteGatewayHarness.TOKEN))).get();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> onFx(() -> robot.lookup("#gateway-list").lookup(name).tryQuery().isPresent()));
        Callable<Boolean> selected = () -> onFx(() -> name.equals(window.model().selectedGatewayProperty().get()));
        for (int click = 0; click < 3 && !selected.call(); click++) {
            WaitForAsyncUtils.waitForFxEvents();
            FxClick.clickOn(robot, WaitForAsyncUtils.asyncFx(() -> robot.lookup("#gateway-list").lookup(name).<Node>query()).get());
            try {
                WaitForAsyncUtils.waitFor(2, TimeUnit.SECONDS, selected);
            } catch (TimeoutException e) {
                // Another row took the click; the loop clicks again.
            }
        }
        if (!selected.call()) {
            throw new AssertionError("clicking '" + name + "' in the gateway list left '"
                    + onFxGet(() -> window.model().selectedGatewayProperty().get()) + "' selected");
        }
    }

    /** Connects the window to a remote test gateway through {@code path} (a relay a test can cut) as {@code name}. */
    static RemoteGatewayFeed connectThrough(MainWindow window, TcpRelay path, String name) throws Exception {
        RemoteGatewayFeed feed = new RemoteGatewayFeed(name, URI.create("ws://127.0.0.1:" + path.port() + "/telemetry"),
                RemoteGatewayHarness.TOKEN);
        WaitForAsyncUtils.asyncFx(() -> window.connect(feed)).get();
        return feed;
    }

    /** Whether the window's first gateway is LIVE (in any of its LIVE states). */
    static boolean firstGatewayLive(MainWindow window) throws Exception {
        return onFxGet(() -> {
            var state = window.model().gateways().rows().getFirst().stateProperty().get();
            return state != null && state.name().startsWith("LIVE");
        });
    }

    /** Closes the window (on the FX thread) and then its session; a window that never opened is skipped. */
    static void close(MainWindow window, ConsoleSession session) throws Exception {
        if (window != null) {
            WaitForAsyncUtils.asyncFx(window::close).get();
        }
        session.close();
    }
}
