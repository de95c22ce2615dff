package dev.switchboard.console.pools;

import dev.switchboard.console.common.Showing;
import javafx.geometry.BoundingBox;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TitledPane;

/**
 * Tells every card's row whether the card is on screen, after each layout: only those rows push their changing
 * numbers into the scene graph. With 50 cards a pool tab shows perhaps eight, and every text change costs a layout,
 * so this keeps a busy gateway's frames within the frame budget (src/bench/run-console-bench.sh). Cards more than a
 * screen away from view sleep (BackendCard#setAwake), so scrolling at a normal pace never reaches one asleep.
 */
final class OnScreenCards {

    private final ScrollPane scroll;
    private final Parent sections;

    private OnScreenCards(ScrollPane scroll, Parent sections) {
        this.scroll = scroll;
        this.sections = sections;
    }

    /** Starts tracking the cards under {@code sections} (titled panes of cards) inside {@code scroll}. */
    static void track(ScrollPane scroll, Parent sections) {
        Runnable update = new OnScreenCards(scroll, sections)::update;
        scroll.sceneProperty().addListener((obs, was, scene) -> {
            if (was != null) {
                was.removePostLayoutPulseListener(update);
            }
            if (scene != null) {
                scene.addPostLayoutPulseListener(update);
            }
        });
    }

    private void update() {
        Bounds viewport = Showing.isShowing(scroll) ? scroll.localToScene(scroll.getLayoutBounds()) : null;
        for (Node section : sections.getChildrenUnmodifiable()) {
            if (section instanceof TitledPane pane && pane.getContent() instanceof Parent cards) {
                // The viewport in the cards' own coordinates: one conversion a section, none a card, every pulse.
                Bounds view = viewport != null && pane.isExpanded() ? cards.sceneToLocal(viewport) : null;
                Bounds near = view == null ? null : new BoundingBox(view.getMinX(), view.getMinY() - view.getHeight(),
                        view.getWidth(), view.getHeight() * 3);
                for (Node node : cards.getChildrenUnmodifiable()) {
                    if (node instanceof BackendCard card) {
                        boolean on = view != null && card.isVisible() && view.intersects(card.getBoundsInParent());
                        if (card.row().onScreen() != on) {
                            card.row().setOnScreen(on);
                        }
                        // Off the Pools tab every card stays as it is, so coming back shows them at once.
                        if (near != null) {
                            card.setAwake(card.isVisible() && near.intersects(card.getBoundsInParent()));
                        }
                    }
                }
            }
        }
    }
}
