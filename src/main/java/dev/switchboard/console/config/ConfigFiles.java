package dev.switchboard.console.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Saving config files so a crash never leaves half a file and the previous version stays beside it. */
public final class ConfigFiles {

    private ConfigFiles() {
    }

    /** Writes {@code text} to a temporary file next to {@code target}, keeps the old file as {@code .bak}, then moves. */
    public static void saveAtomically(Path target, String text) throws IOException {
        Path file = target.toAbsolutePath();
        Path temp = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp");
        try {
            Files.writeString(temp, text, StandardCharsets.UTF_8);
            if (Files.exists(file)) {
                Files.copy(file, backupOf(file), StandardCopyOption.REPLACE_EXISTING);
            }
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    public static Path backupOf(Path file) {
        return file.resolveSibling(file.getFileName() + ".bak");
    }
}
