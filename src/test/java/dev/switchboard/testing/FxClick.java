package dev.switchboard.testing;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.input.MouseButton;
import org.testfx.api.FxRobot;
import org.testfx.robot.Motion;
import org.testfx.util.NodeQueryUtils;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Clicks what a query finds in a window that changes its scene graph while a test runs. TestFX's
 * {@code clickOn(String)} walks the scene graph on the test thread, where a list of children the FX thread is changing
 * throws ({@code IndexOutOfBoundsException} in {@code Parent.lookupAll}); here the node and its point on screen are
 * found on the FX thread, and only the click comes from the test thread.
 */
public final class FxClick {

    private FxClick() {
    }

    /** Clicks the middle of the first visible node {@code query} finds, as {@code robot.clickOn(query)} does. */
    public static void clickOn(FxRobot robot, String query) {
        click(robot, "\"" + query + "\"", () -> robot.lookup(query).match(NodeQueryUtils.isVisible()).tryQuery()
                .orElseThrow(() -> new AssertionError("no visible node matches \"" + query + "\"")));
    }

    /** Clicks the middle of {@code node}, as {@code robot.clickOn(node)} does, taking its point on the FX thread. */
    public static void clickOn(FxRobot robot, Node node) {
        click(robot, node.toString(), () -> node);
    }

    private static void click(FxRobot robot, String what, Callable<Node> find) {
        Point2D point;
        try {
            point = WaitForAsyncUtils.asyncFx(() -> {
                Node node = find.call();
                // A node shown in this pulse may not be laid out yet: its point would be where it is not drawn.
                node.getScene().getRoot().applyCss();
                node.getScene().getRoot().layout();
                return robot.point(node).query();
            }).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while looking up " + what, e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof AssertionError a ? a : new AssertionError("looking up " + what, e.getCause());
        }
        robot.clickOn(point, Motion.DEFAULT, MouseButton.PRIMARY);
    }
}
