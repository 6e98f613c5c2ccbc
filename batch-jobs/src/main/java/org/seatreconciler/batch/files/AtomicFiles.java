package org.seatreconciler.batch.files;

import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.DigestInputStream;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Writes a file so that readers see either the old file or the whole new one, never a part: the
 * content goes to a temp file beside the target (same folder, so the move stays on one file system),
 * is synced to disk, then moved over the target with ATOMIC_MOVE. Large content is streamed there
 * ({@link #aside}) and hashed on the way, never held whole in memory.
 *
 * <p>The temp file has a fixed hidden name, {@code .<name>.tmp}, rather than one from createTempFile,
 * which is readable by its owner only: the file gets the permissions of any new file (0666 less the
 * umask), since others (finance) read it as another user. The fixed name means one writer per target
 * at a time.
 */
public final class AtomicFiles {

    public static final String TEMP_SUFFIX = ".tmp";

    private AtomicFiles() {
    }

    /** Writes {@code content} to {@code target} atomically, creating missing parent folders. */
    public static void write(Path target, byte[] content) throws IOException {
        try (Aside aside = aside(target)) {
            aside.stream().write(content);
            aside.finish();
            aside.moveIntoPlace();
        }
    }

    /**
     * Opens {@code target}'s temp file ({@link #tempFileOf}) to be written as a stream, creating missing parent
     * folders; nothing reaches {@code target} until {@link Aside#moveIntoPlace()}.
     */
    public static Aside aside(Path target) throws IOException {
        Files.createDirectories(target.toAbsolutePath().getParent());
        return new Aside(target, tempFileOf(target));
    }

    /**
     * Syncs a file that was written aside (at {@link #tempFileOf}, e.g. streamed line by line) and moves
     * it over {@code target} atomically.
     */
    public static void moveIntoPlace(Path temp, Path target) throws IOException {
        try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
            channel.force(true);
        }
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        syncFolder(target.toAbsolutePath().getParent());
    }

    /** {@code <folder>/.<name>.tmp}: where {@link #write} puts the content before the move. */
    public static Path tempFileOf(Path target) {
        return target.toAbsolutePath().resolveSibling("." + target.getFileName() + TEMP_SUFFIX);
    }

    /** Deletes the temp files a crash between writing aside and the move left in {@code folder}. */
    public static void removeLeftovers(Path folder) throws IOException {
        try (DirectoryStream<Path> temps = Files.newDirectoryStream(folder, ".*" + TEMP_SUFFIX)) {
            for (Path temp : temps) {
                Files.deleteIfExists(temp);
            }
        }
    }

    /** Makes the move itself durable where the platform allows syncing a folder (not on Windows). */
    private static void syncFolder(Path folder) {
        try (FileChannel channel = FileChannel.open(folder, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            // Not supported here; the file's own content is synced already.
        }
    }

    /**
     * A file being written beside its target, its SHA-256 computed as it is written (a manifest needs no second
     * read of what may be hundreds of megabytes). Closing it before {@link #moveIntoPlace()} deletes the temp
     * file: the target is untouched.
     */
    public static final class Aside implements Closeable {

        private static final int BUFFER = 1 << 16;

        private final Path target;
        private final Path temp;
        private final MessageDigest sha256;
        private final OutputStream stream;
        private boolean closed;
        private boolean moved;

        private Aside(Path target, Path temp) throws IOException {
            this.target = target;
            this.temp = temp;
            this.sha256 = sha256();
            this.stream = new BufferedOutputStream(new DigestOutputStream(Files.newOutputStream(temp,
                    StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING), sha256),
                    BUFFER);
        }

        /** Where the content goes; buffered. */
        public OutputStream stream() {
            return stream;
        }

        /** Ends the content; returns its SHA-256 in hex. */
        public String finish() throws IOException {
            closeStream();
            return HexFormat.of().formatHex(sha256.digest());
        }

        /** Syncs the finished content and moves it over the target atomically. */
        public void moveIntoPlace() throws IOException {
            closeStream();
            AtomicFiles.moveIntoPlace(temp, target);
            moved = true;
        }

        @Override
        public void close() throws IOException {
            try {
                closeStream();
            } finally {
                if (!moved) {
                    Files.deleteIfExists(temp);
                }
            }
        }

        private void closeStream() throws IOException {
            if (!closed) {
                closed = true;
                stream.close();
            }
        }
    }

    /** The SHA-256 of a file's content, in hex, read as a stream. */
    public static String sha256(Path file) throws IOException {
        MessageDigest digest = sha256();
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
            in.transferTo(OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
