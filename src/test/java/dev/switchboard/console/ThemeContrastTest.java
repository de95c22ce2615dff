package dev.switchboard.console;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.BackgroundFill;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.paint.LinearGradient;
import javafx.scene.paint.Paint;
import javafx.scene.paint.Stop;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import static dev.switchboard.console.LiveWindow.onFx;
import static dev.switchboard.console.LiveWindow.onFxGet;
import static dev.switchboard.console.LiveWindow.present;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * WCAG AA for text (4.5:1) in the light and dark themes, measured on the rendered window: every visible, enabled text
 * node of every tab, its fill against the background it is drawn on (the nearest filled region up its parents, as the
 * stylesheets' looked-up colours resolved), with a breaker notice showing.
 */
class ThemeContrastTest extends WindowTest {

    private static final double AA_TEXT = 4.5;

    @Start
    void start(Stage s) {
        open(s, 300);
    }

    @Test
    void everyTextPassesWcagAaInTheLightAndTheDarkTheme(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> present(robot, "#weight-orders-orders-east-1"));
        // A tripped breaker: red chips, a failover, a notice, so the alert colours are measured too.
        session.simulators().get("orders-east-1").updateBehavior(b -> b.withStatus(503));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> onFx(() -> window.model().events().shown().stream()
                .anyMatch(e -> e.message().contains("-> OPEN"))));

        List<String> failures = new ArrayList<>(lowContrast("light"));
        robot.press(KeyCode.CONTROL, KeyCode.T).release(KeyCode.T, KeyCode.CONTROL);
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> onFx(() -> stage.getScene().getStylesheets().stream()
                .anyMatch(s -> s.endsWith("/styles/dark.css"))));
        failures.addAll(lowContrast("dark"));

        assertThat(failures).as("text below %s:1 contrast", AA_TEXT).isEmpty();
    }

    /** Shows each tab for a few frames and measures its texts. */
    private List<String> lowContrast(String theme) throws Exception {
        List<String> failures = new ArrayList<>();
        TabPane tabs = onFxGet(() -> (TabPane) stage.getScene().getRoot().lookup(".tab-pane"));
        for (int i = 0; i < onFxGet(() -> tabs.getTabs().size()); i++) {
            int index = i;
            WaitForAsyncUtils.asyncFx(() -> tabs.getSelectionModel().select(index)).get();
            WaitForAsyncUtils.sleep(300, TimeUnit.MILLISECONDS); // a few pulses: CSS and layout of the new tab
            Tab tab = onFxGet(() -> tabs.getTabs().get(index));
            failures.addAll(onFxGet(() -> measure(theme + "/" + tab.getText(), stage.getScene().getRoot())));
        }
        return failures.stream().distinct().toList();
    }

    private List<String> measure(String where, Parent root) {
        root.applyCss();
        List<String> failures = new ArrayList<>();
        for (Node n : root.lookupAll(".text")) {
            if (!(n instanceof Text text) || text.getText() == null || text.getText().isBlank() || !shown(text)
                    || !(text.getFill() instanceof Color fill)) {
                continue;
            }
            Color background = background(text.getParent());
            double ratio = contrast(blend(fill, background), background);
            if (ratio < AA_TEXT) {
                failures.add(String.format(Locale.ROOT, "%s: '%s' in %s: %s on %s = %.2f", where,
                        abbreviate(text.getText()), text.getParent().getStyleClass(), hex(fill), hex(background), ratio));
            }
        }
        return failures;
    }

    /** Visible all the way up, enabled (WCAG exempts inactive controls) and drawn at full opacity. */
    private static boolean shown(Node node) {
        if (node.isDisabled()) {
            return false;
        }
        for (Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible() || n.getOpacity() < 1) {
                return false;
            }
        }
        return true;
    }

    /** The colour behind {@code node}: its own top fill, blended over what is behind it while not opaque. */
    private Color background(Node node) {
        if (node == null) {
            return stage.getScene().getFill() instanceof Color c ? c : Color.WHITE;
        }
        if (node instanceof Region r && r.getBackground() != null && !r.getBackground().getFills().isEmpty()) {
            List<BackgroundFill> fills = r.getBackground().getFills();
            Color top = colour(fills.get(fills.size() - 1).getFill());
            if (top != null && top.getOpacity() > 0) {
                return top.getOpacity() >= 0.99 ? top : blend(top, background(node.getParent()));
            }
        }
        return background(node.getParent());
    }

    /** A flat colour, or a gradient's average (Modena's buttons and headers). */
    private static Color colour(Paint paint) {
        if (paint instanceof Color c) {
            return c;
        }
        if (paint instanceof LinearGradient g && !g.getStops().isEmpty()) {
            double r = 0, gr = 0, b = 0, a = 0;
            for (Stop s : g.getStops()) {
                r += s.getColor().getRed();
                gr += s.getColor().getGreen();
                b += s.getColor().getBlue();
                a += s.getColor().getOpacity();
            }
            int k = g.getStops().size();
            return new Color(r / k, gr / k, b / k, a / k);
        }
        return null;
    }

    private static Color blend(Color over, Color under) {
        double a = over.getOpacity();
        return new Color(over.getRed() * a + under.getRed() * (1 - a), over.getGreen() * a + under.getGreen() * (1 - a),
                over.getBlue() * a + under.getBlue() * (1 - a), 1);
    }

    /** WCAG 2.x contrast ratio. */
    static double contrast(Color a, Color b) {
        double la = luminance(a);
        double lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    private static double luminance(Color c) {
        return 0.2126 * channel(c.getRed()) + 0.7152 * channel(c.getGreen()) + 0.0722 * channel(c.getBlue());
    }

    private static double channel(double v) {
        return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
    }

    private static String hex(Color c) {
        return String.format(Locale.ROOT, "#%02x%02x%02x", Math.round(c.getRed() * 255), Math.round(c.getGreen() * 255),
                Math.round(c.getBlue() * 255));
    }

    private static String abbreviate(String s) {
        String line = s.replace('\n', ' ');
        return line.length() > 40 ? line.substring(0, 40) + "…" : line;
    }
}
