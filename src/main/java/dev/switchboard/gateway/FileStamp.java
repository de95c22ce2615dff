package dev.switchboard.gateway;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;

/**
 * What a file looks like without reading it: its modification time, size and identity (device and inode), through
 * any symbolic links. A rewrite in place changes the time or size, a rename-style save or a swapped link the
 * identity. {@link #missing()} when there is no file.
 */
record FileStamp(FileTime modified, long size, Object key) {

    private static final FileStamp MISSING = new FileStamp(FileTime.fromMillis(0), -1, "missing");

    static FileStamp of(Path file) {
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
            return new FileStamp(attributes.lastModifiedTime(), attributes.size(), attributes.fileKey());
        } catch (NoSuchFileException e) {
            return MISSING;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the attributes of " + file, e);
        }
    }

    boolean missing() {
        return this == MISSING;
    }
}
