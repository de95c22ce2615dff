package dev.switchboard.console.common;

import javafx.beans.NamedArg;
import javafx.scene.Node;
import javafx.scene.layout.Region;

/**
 * Holds one node that changes often (a card's numbers, a chart of every member) outside its parents' layout. In
 * JavaFX a managed node's change lays out every ancestor up to the window, and each of them asks all its children
 * their sizes again: with 50 cards that made a new line of numbers cost 5 to 16 ms of layout a frame
 * (javafx.pulseLogger). The fenced node is unmanaged, so it is a layout root: its own changes lay out only itself
 * inside the size the fence was given. The fence takes its sizes from the node whenever its parents lay it out (a
 * resize, a node added), and asks for no more than that between times, so the node keeps the room it was given.
 */
public final class LayoutFence extends Region {

    private final Node content;

    public LayoutFence(@NamedArg("content") Node content) {
        this.content = content;
        content.setManaged(false);
        getChildren().add(content);
    }

    /** The fenced node. */
    public Node getContent() {
        return content;
    }

    @Override
    protected void layoutChildren() {
        content.resizeRelocate(0, 0, getWidth(), getHeight());
    }

    @Override
    protected double computeMinWidth(double height) {
        return content.minWidth(height);
    }

    @Override
    protected double computePrefWidth(double height) {
        return content.prefWidth(height);
    }

    @Override
    protected double computeMaxWidth(double height) {
        return content.maxWidth(height);
    }

    @Override
    protected double computeMinHeight(double width) {
        return content.minHeight(width);
    }

    @Override
    protected double computePrefHeight(double width) {
        return content.prefHeight(width);
    }

    @Override
    protected double computeMaxHeight(double width) {
        return content.maxHeight(width);
    }

    @Override
    public double getBaselineOffset() {
        return content.getLayoutY() + content.getBaselineOffset();
    }
}
