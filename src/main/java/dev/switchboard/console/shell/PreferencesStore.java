package dev.switchboard.console.shell;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The console's preferences file, {@code console.json} next to the remembered gateways. A missing or unreadable file
 * means the first run: preferences are a convenience and never stop the console from opening.
 */
public final class PreferencesStore {

    /** System property naming the file (tests and portable installs); the environment variable below is the same. */
    public static final String PROPERTY = "switchboard.preferences";
    public static final String ENVIRONMENT = "SWITCHBOARD_PREFERENCES";

    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    private static final System.Logger LOG = System.getLogger(PreferencesStore.class.getName());

    private final Path file;

    public PreferencesStore(Path file) {
        this.file = file;
    }

    /**
     * {@code -Dswitchboard.preferences=FILE}, else {@code $SWITCHBOARD_PREFERENCES}, else
     * {@code $XDG_CONFIG_HOME/switchboard/console.json}, else {@code ~/.config/switchboard/console.json}.
     */
    public static PreferencesStore inUserConfig() {
        String named = System.getProperty(PROPERTY, System.getenv(ENVIRONMENT));
        if (named != null && !named.isBlank()) {
            return new PreferencesStore(Path.of(named));
        }
        String xdg = System.getenv("XDG_CONFIG_HOME");
        Path base = xdg == null || xdg.isBlank() ? Path.of(System.getProperty("user.home"), ".config") : Path.of(xdg);
        return new PreferencesStore(base.resolve("switchboard").resolve("console.json"));
    }

    public Path file() {
        return file;
    }

    /** The remembered preferences, or {@link ConsolePreferences#FIRST_RUN} when there are none or they cannot be read. */
    public ConsolePreferences load() {
        if (!Files.exists(file)) {
            return ConsolePreferences.FIRST_RUN;
        }
        try {
            return JSON.readValue(file.toFile(), ConsolePreferences.class);
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "ignoring unreadable console preferences " + file + ": " + e.getMessage());
            return ConsolePreferences.FIRST_RUN;
        }
    }

    /** Replaces the file atomically, so a crash mid-write leaves the previous preferences. */
    public void save(ConsolePreferences preferences) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path temp = Files.createTempFile(dir, "console", ".json.tmp");
        try {
            JSON.writerWithDefaultPrettyPrinter().writeValue(temp.toFile(), preferences);
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
