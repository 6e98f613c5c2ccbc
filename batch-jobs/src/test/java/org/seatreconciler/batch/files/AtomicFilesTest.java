package org.seatreconciler.batch.files;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {

    @TempDir
    Path dir;

    @Test
    void writesANewFileInMissingFoldersAndLeavesNoTempFile() throws Exception {
        Path target = dir.resolve("2026-10-02/invoices.csv");

        AtomicFiles.write(target, bytes("a,b\r\n"));

        assertThat(Files.readAllBytes(target)).isEqualTo(bytes("a,b\r\n"));
        assertThat(AtomicFiles.tempFileOf(target)).isEqualTo(dir.resolve("2026-10-02/.invoices.csv.tmp"));
        try (var files = Files.list(target.getParent())) {
            assertThat(files).containsExactly(target);
        }
    }

    @Test
    void replacesAnExistingFileAndALeftoverTempFile() throws Exception {
        Path target = dir.resolve("manifest.sha256");
        Files.write(target, bytes("old content, longer than the new"));
        Files.write(AtomicFiles.tempFileOf(target), bytes("half a file from a crash"));

        AtomicFiles.write(target, bytes("new"));

        assertThat(Files.readAllBytes(target)).isEqualTo(bytes("new"));
        assertThat(Files.exists(AtomicFiles.tempFileOf(target))).isFalse();
    }

    @Test
    void theFileGetsThePermissionsOfAnyNewFileNotOwnerOnly() throws Exception {
        if (!FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            return;
        }
        Path reference = Files.write(dir.resolve("reference"), bytes("x"));

        Path target = dir.resolve("invoices.csv");
        AtomicFiles.write(target, bytes("x"));

        assertThat(Files.getPosixFilePermissions(target)).isEqualTo(Files.getPosixFilePermissions(reference));
    }

    @Test
    void removesLeftoverTempFilesOnly() throws Exception {
        Files.write(dir.resolve(".invoices.csv.tmp"), bytes("x"));
        Files.write(dir.resolve("invoices.csv"), bytes("x"));

        AtomicFiles.removeLeftovers(dir);

        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(dir.resolve("invoices.csv"));
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
