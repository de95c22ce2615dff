package dev.switchboard.gateway;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Objects;

/**
 * The access log's file, appended to, and opened again once its path names another file or none: logrotate renames
 * the file and expects the writer to start a new one (its default, without copytruncate), and an operator may move
 * or delete it. Without this the gateway kept writing into the rotated file, and into a deleted one's disk space.
 * Used by the log's writer thread only.
 */
final class AccessLogFile extends OutputStream {

    private final Path path;
    private OutputStream out;
    private Object identity;

    private AccessLogFile(Path path) {
        this.path = path;
    }

    /** Opens {@code path} for appending, creating it and its directories when missing. */
    static AccessLogFile open(Path path) throws IOException {
        AccessLogFile file = new AccessLogFile(path);
        file.reopen();
        return file;
    }

    Path path() {
        return path;
    }

    /**
     * Opens the path again when it no longer names the open file (renamed, deleted, replaced), or when the last
     * write failed. Returns whether the file had been moved or deleted; throws when the path cannot be opened, and
     * tries again at the next call.
     */
    boolean followPath() throws IOException {
        if (out == null) {
            reopen();
            return false;
        }
        if (Objects.equals(identityOf(path), identity)) {
            return false;
        }
        reopen();
        return true;
    }

    private void reopen() throws IOException {
        failed();
        Path dir = path.toAbsolutePath().getParent();
        if (dir != null) {
            Files.createDirectories(dir);
        }
        out = Files.newOutputStream(path, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        identity = identityOf(path);
    }

    /** The device and inode the path names now (through links); null when it names nothing. */
    private static Object identityOf(Path path) throws IOException {
        try {
            return Files.readAttributes(path, BasicFileAttributes.class).fileKey();
        } catch (NoSuchFileException e) {
            return null;
        }
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
        try {
            open().write(bytes, offset, length);
        } catch (IOException e) {
            failed();
            throw e;
        }
    }

    @Override
    public void flush() throws IOException {
        try {
            open().flush();
        } catch (IOException e) {
            failed();
            throw e;
        }
    }

    private OutputStream open() throws IOException {
        if (out == null) {
            throw new IOException(path + " is not open");
        }
        return out;
    }

    /** After a failed write the stream may be unusable for good (an I/O error): the next follow opens the path again. */
    private void failed() {
        if (out != null) {
            try {
                out.close();
            } catch (IOException e) {
                // Already failing; the open at the next follow decides.
            }
            out = null;
        }
    }

    @Override
    public void close() throws IOException {
        if (out != null) {
            out.close();
            out = null;
        }
    }
}
