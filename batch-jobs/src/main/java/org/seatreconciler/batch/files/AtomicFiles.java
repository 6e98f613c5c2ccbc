package org.seatreconciler.batch.files;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Writes a file so that readers see either the old file or the whole new one, never a part: the
 * content goes to a temp file beside the target (same folder, so the move stays on one file system),
 * is synced to disk, then moved over the target with ATOMIC_MOVE.
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
        Files.createDirectories(target.toAbsolutePath().getParent());
        Path temp = tempFileOf(target);
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer buffer = ByteBuffer.wrap(content);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
            }
            moveIntoPlace(temp, target);
        } finally {
            Files.deleteIfExists(temp);
        }
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
}
