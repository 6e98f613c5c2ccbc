package org.seatreconciler.local.output;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Files appear whole or not at all: written beside the target, then moved over it. */
public final class AtomicFiles {

    private AtomicFiles() {
    }

    /** The hidden sibling a file is written to before {@link #moveIntoPlace}. */
    public static Path asideOf(Path target) {
        return target.resolveSibling("." + target.getFileName() + ".part");
    }

    public static void write(Path target, byte[] content) {
        Path aside = asideOf(target);
        try {
            Files.createDirectories(target.getParent());
            Files.write(aside, content);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + target + ": " + e.getMessage(), e);
        }
        moveIntoPlace(aside, target);
    }

    public static void moveIntoPlace(Path aside, Path target) {
        try {
            try {
                Files.move(aside, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(aside, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot move " + aside + " to " + target + ": " + e.getMessage(), e);
        }
    }
}
