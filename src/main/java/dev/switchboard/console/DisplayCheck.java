package dev.switchboard.console;

import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/** Tells, before JavaFX starts, whether a window can be opened at all, and explains toolkit failures in one sentence. */
final class DisplayCheck {

    static final String NO_DISPLAY = "The Switchboard console needs a graphical display, but %s; run the gateway "
            + "without a window instead: `switchboard demo` (simulated backends and traffic) or "
            + "`switchboard gateway --config FILE`.";

    private DisplayCheck() {
    }

    /** The sentence to print when no display can be used, or empty when JavaFX may try. */
    static Optional<String> missing(String osName, Map<String, String> env, Properties properties) {
        boolean headlessGlass = "Headless".equalsIgnoreCase(properties.getProperty("glass.platform"));
        boolean linux = osName.toLowerCase().contains("linux");
        boolean noDisplay = isBlank(env.get("DISPLAY")) && isBlank(env.get("WAYLAND_DISPLAY"));
        return linux && noDisplay && !headlessGlass
                ? Optional.of(NO_DISPLAY.formatted("neither DISPLAY nor WAYLAND_DISPLAY is set"))
                : Optional.empty();
    }

    /** The sentence for a toolkit start failure, or empty when the failure is not about the display or GTK. */
    static Optional<String> explain(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            String message = String.valueOf(t.getMessage());
            if (t instanceof UnsatisfiedLinkError || message.contains("Unable to open DISPLAY")
                    || message.contains("GTK")) {
                return Optional.of(NO_DISPLAY.formatted("the graphics toolkit could not start (" + message + ")"));
            }
        }
        return Optional.empty();
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
