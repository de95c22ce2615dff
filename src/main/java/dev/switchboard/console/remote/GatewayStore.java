package dev.switchboard.console.remote;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The remote gateways the console connects to, with their tokens, in the user's config directory. The file holds
 * secrets, so it is created readable and writable by its owner only (0600) and replaced atomically.
 */
public final class GatewayStore {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    /** One saved gateway. */
    public record Entry(String name, URI uri, String token) {
    }

    private final Path file;

    public GatewayStore(Path file) {
        this.file = file;
    }

    /** {@code $XDG_CONFIG_HOME/switchboard/gateways.json}, else {@code ~/.config/switchboard/gateways.json}. */
    public static GatewayStore inUserConfig() {
        String xdg = System.getenv("XDG_CONFIG_HOME");
        Path base = xdg == null || xdg.isBlank() ? Path.of(System.getProperty("user.home"), ".config") : Path.of(xdg);
        return new GatewayStore(base.resolve("switchboard").resolve("gateways.json"));
    }

    public Path file() {
        return file;
    }

    public List<Entry> load() throws IOException {
        if (!Files.exists(file)) {
            return List.of();
        }
        return JSON.readValue(file.toFile(), new TypeReference<List<Entry>>() { });
    }

    /** Adds or replaces (by name) one entry. */
    public void save(Entry entry) throws IOException {
        List<Entry> entries = new ArrayList<>(load());
        entries.removeIf(e -> e.name().equals(entry.name()));
        entries.add(entry);
        write(entries);
    }

    /** Forgets the entry named {@code name}, token included; false when there was none. */
    public boolean remove(String name) throws IOException {
        List<Entry> entries = new ArrayList<>(load());
        if (!entries.removeIf(e -> e.name().equals(name))) {
            return false;
        }
        write(entries);
        return true;
    }

    private void write(List<Entry> entries) throws IOException {
        Files.createDirectories(file.getParent());
        boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
        Path temp = posix
                ? Files.createTempFile(file.getParent(), "gateways", ".tmp", PosixFilePermissions.asFileAttribute(OWNER_ONLY))
                : Files.createTempFile(file.getParent(), "gateways", ".tmp");
        try {
            JSON.writerWithDefaultPrettyPrinter().writeValue(temp.toFile(), entries);
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
