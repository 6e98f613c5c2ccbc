package org.seatreconciler.local.broker;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;

/** A temporary folder that is deleted on close, and by a JVM shutdown hook if the user presses Ctrl-C first. */
public final class TempDirectory implements AutoCloseable {

    private final Path path;
    private final Thread hook;

    private TempDirectory(Path path) {
        this.path = path;
        this.hook = new Thread(this::deleteQuietly, "delete-" + path.getFileName());
        Runtime.getRuntime().addShutdownHook(hook);
    }

    public static TempDirectory create(String prefix) {
        try {
            return new TempDirectory(Files.createTempDirectory(prefix));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create a temporary folder: " + e.getMessage(), e);
        }
    }

    public Path path() {
        return path;
    }

    /**
     * Drops this folder's own shutdown hook, for an owner whose hook must first stop what writes into
     * the folder and then {@link #close} it: hooks run concurrently, so two would race.
     */
    public void handOverShutdown() {
        removeHook();
    }

    @Override
    public void close() {
        removeHook();
        deleteQuietly();
    }

    private void removeHook() {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException alreadyShuttingDown) {
            // the hook is running or will run; deleting twice is harmless
        }
    }

    private void deleteQuietly() {
        delete(path);
    }

    /** Deletes a folder tree, skipping files that vanish meanwhile (a broker may still be closing segments). */
    public static void delete(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.deleteIfExists(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException exc) {
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
                    Files.deleteIfExists(dir);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete " + root + ": " + e.getMessage(), e);
        }
    }
}
