package dev.switchboard.console.shell;

/**
 * What the console remembers between runs: where its window was, its splits, its theme, the gateway shown and the
 * Charts tab's Prometheus URL.
 *
 * @param width           the window's last size when not maximised; 0 before the first close (open maximised)
 * @param gatewaysWidth   the gateway pane's width in pixels (it keeps it when the window resizes); 0: the FXML's
 * @param poolsDivider    where the pools end in the Pools tab, as a fraction of its width
 * @param selectedGateway the gateway shown last, or null
 * @param prometheusUrl   the Charts tab's Prometheus URL as last left; "" or null (files from before) for none
 */
public record ConsolePreferences(double x, double y, double width, double height, boolean maximized,
                                 double gatewaysWidth, double poolsDivider, boolean dark, String selectedGateway,
                                 String prometheusUrl) {

    /** The first run: nothing remembered, so the window opens maximised at the FXML's splits in the light theme. */
    public static final ConsolePreferences FIRST_RUN = new ConsolePreferences(0, 0, 0, 0, true, 0, 0.56, false, null,
            "");

    /** True once a window size was remembered (the window was closed at least once). */
    public boolean sized() {
        return width > 0 && height > 0;
    }
}
