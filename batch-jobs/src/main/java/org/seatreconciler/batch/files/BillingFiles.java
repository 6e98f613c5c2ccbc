package org.seatreconciler.batch.files;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.seatreconciler.batch.billing.InvoiceLine;
import org.seatreconciler.batch.ledger.SeatSnapshot;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes a billing date's files under {@code <out>/<date>/}. Each file is written with
 * {@link AtomicFiles} (aside, synced, moved into place): finance never sees a half file. The
 * manifest comes last, so a folder with a manifest is complete.
 */
public class BillingFiles {

    public static final String SUMMARY = "summary.json";
    public static final String MANIFEST = "manifest.sha256";

    private static final Logger log = LoggerFactory.getLogger(BillingFiles.class);

    private final Path outDir;

    /** @param outDir absolute */
    public BillingFiles(Path outDir) {
        this.outDir = outDir;
    }

    public Path folder(LocalDate billingDate) {
        return outDir.resolve(billingDate.toString());
    }

    /** Whether every file of the date is there (they were all written, and none was removed since). */
    public boolean complete(LocalDate billingDate) {
        Path folder = folder(billingDate);
        return Stream.of(InvoiceFile.NAME, SeatCountsFile.NAME, SUMMARY, MANIFEST)
                .allMatch(name -> Files.isRegularFile(folder.resolve(name)));
    }

    /** Writes invoices.csv, seat-counts.csv, summary.json and then manifest.sha256; returns the folder. */
    public Path write(LocalDate billingDate, List<InvoiceLine> lines, List<SeatSnapshot> snapshots) {
        Path folder = folder(billingDate);
        try {
            Files.createDirectories(folder);
            AtomicFiles.removeLeftovers(folder);
            Map<String, byte[]> files = new LinkedHashMap<>();
            files.put(InvoiceFile.NAME, utf8(InvoiceFile.render(lines)));
            files.put(SeatCountsFile.NAME, utf8(SeatCountsFile.render(snapshots)));
            files.put(SUMMARY, utf8(BillingSummary.of(billingDate, lines, snapshots).toJson()));
            StringBuilder manifest = new StringBuilder();
            for (Map.Entry<String, byte[]> file : files.entrySet()) {
                AtomicFiles.write(folder.resolve(file.getKey()), file.getValue());
                // sha256sum's format: hash, two spaces (text mode), name.
                manifest.append(sha256(file.getValue())).append("  ").append(file.getKey()).append('\n');
            }
            AtomicFiles.write(folder.resolve(MANIFEST), utf8(manifest.toString()));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the billing files of " + billingDate + " to " + folder, e);
        }
        log.info("Wrote {} invoice lines and {} seat-count rows for {} to {}", lines.size(), snapshots.size(),
                billingDate, folder);
        return folder;
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
