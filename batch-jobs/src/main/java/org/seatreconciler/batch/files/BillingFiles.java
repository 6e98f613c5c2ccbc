package org.seatreconciler.batch.files;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.seatreconciler.batch.reports.DateReport;

/**
 * Writes a billing date's files under {@code <out>/<date>/} (a preview's under {@code <out>/preview/<date>/}).
 * Each file is written with {@link AtomicFiles} (aside, synced, moved into place): finance never sees a half
 * file. The manifest comes last, so a folder with a manifest is complete.
 */
public class BillingFiles {

    public static final String SUMMARY = "summary.json";
    public static final String MANIFEST = "manifest.sha256";
    public static final String REVIEW = ReviewFile.NAME;
    public static final String RECONCILIATION = ReconciliationFile.NAME;
    /** The folder under the output folder that previews go to. */
    public static final String PREVIEW_FOLDER = "preview";

    private final Path outDir;
    private final boolean preview;

    /** @param outDir absolute */
    public BillingFiles(Path outDir) {
        this(outDir, false);
    }

    private BillingFiles(Path outDir, boolean preview) {
        this.outDir = outDir;
        this.preview = preview;
    }

    /** The files of previews: {@code <out>/preview/<date>/}, saying {@code "preview": true} in summary.json. */
    public BillingFiles previews() {
        return new BillingFiles(outDir.resolve(PREVIEW_FOLDER), true);
    }

    public Path folder(LocalDate billingDate) {
        return outDir.resolve(billingDate.toString());
    }

    /**
     * Writes invoices.csv, seat-counts.csv, reconciliation.csv, review.csv, summary.json and then
     * manifest.sha256; returns the folder.
     */
    public Path write(DateReport report) {
        Path folder = folder(report.date());
        try {
            prepare(folder);
            Map<String, byte[]> files = render(report);
            for (Map.Entry<String, byte[]> file : files.entrySet()) {
                AtomicFiles.write(folder.resolve(file.getKey()), file.getValue());
            }
            AtomicFiles.write(folder.resolve(MANIFEST), manifest(files));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the billing files of " + report.date() + " to " + folder, e);
        }
        return folder;
    }

    /**
     * Checks a billed date's files against its manifest.sha256 and writes again, from the ledger, every file
     * that is missing or whose checksum differs (edited in a spreadsheet, truncated), then the manifest; with
     * the manifest missing, nothing can be checked and every file is written again. Files that match are
     * left untouched.
     *
     * @return the names of the files written again, in writing order; empty when all were intact
     */
    public List<String> restore(DateReport report) {
        Path folder = folder(report.date());
        try {
            prepare(folder);
            Map<String, String> listed = listed(folder.resolve(MANIFEST));
            List<String> rewritten = new ArrayList<>();
            Map<String, byte[]> onDisk = new LinkedHashMap<>();
            for (Map.Entry<String, byte[]> file : render(report).entrySet()) {
                Path path = folder.resolve(file.getKey());
                byte[] current = Files.isRegularFile(path) ? Files.readAllBytes(path) : null;
                if (current == null || !sha256(current).equals(listed.get(file.getKey()))) {
                    AtomicFiles.write(path, file.getValue());
                    rewritten.add(file.getKey());
                    current = file.getValue();
                }
                onDisk.put(file.getKey(), current);
            }
            if (!rewritten.isEmpty()) {
                AtomicFiles.write(folder.resolve(MANIFEST), manifest(onDisk));
                rewritten.add(MANIFEST);
            }
            return rewritten;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot restore the billing files of " + report.date() + " in " + folder, e);
        }
    }

    private static void prepare(Path folder) throws IOException {
        Files.createDirectories(folder);
        AtomicFiles.removeLeftovers(folder);
    }

    private Map<String, byte[]> render(DateReport report) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put(InvoiceFile.NAME, utf8(InvoiceFile.render(report.billed().lines())));
        files.put(SeatCountsFile.NAME, utf8(SeatCountsFile.render(report.billed().snapshots())));
        files.put(ReconciliationFile.NAME, utf8(ReconciliationFile.render(report.reconciliation())));
        files.put(ReviewFile.NAME, utf8(ReviewFile.render(report.review())));
        files.put(SUMMARY, utf8(BillingSummary.of(report, preview).toJson()));
        return files;
    }

    /** sha256sum's format: hash, two spaces (text mode), name. */
    private static byte[] manifest(Map<String, byte[]> files) {
        StringBuilder manifest = new StringBuilder();
        files.forEach((name, content) -> manifest.append(sha256(content)).append("  ").append(name).append('\n'));
        return utf8(manifest.toString());
    }

    /** name -> checksum as the manifest lists them; empty when it is missing. */
    private static Map<String, String> listed(Path manifest) throws IOException {
        Map<String, String> listed = new HashMap<>();
        if (!Files.isRegularFile(manifest)) {
            return listed;
        }
        for (String line : Files.readAllLines(manifest, StandardCharsets.UTF_8)) {
            int separator = line.indexOf("  ");
            if (separator > 0) {
                listed.put(line.substring(separator + 2), line.substring(0, separator));
            }
        }
        return listed;
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
