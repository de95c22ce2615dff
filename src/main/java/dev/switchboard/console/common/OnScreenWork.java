package dev.switchboard.console.common;

import javafx.scene.Node;

/**
 * Drawing that only matters while its view is on screen: done at once while the view shows, otherwise remembered
 * and done once when it comes back, however many requests came meanwhile.
 */
public final class OnScreenWork {

    private final Node view;
    private final Runnable work;
    private boolean behind;

    public OnScreenWork(Node view, Runnable work) {
        this.view = view;
        this.work = work;
        Showing.whenShown(view, () -> {
            if (behind) {
                request();
            }
        });
    }

    public void request() {
        behind = !Showing.isShowing(view);
        if (!behind) {
            work.run();
        }
    }

    /** A request came while off screen and is not done yet. */
    public boolean behind() {
        return behind;
    }
}
