package org.seatreconciler.batch.files;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.seatreconciler.batch.reports.DateContent;

/**
 * Writes a billing date's files under {@code <out>/<date>/} (a preview's under {@code <out>/preview/<date>/}).
 * The four CSV files are written in one pass over the date's organisations, each streamed to its temp file and
 * hashed on the way ({@link AtomicFiles#aside}); then summary.json; then each is moved into place, and the
 * manifest comes last, so a folder with a manifest is complete and finance never sees a half file. Memory does
 * not grow with the organisations.
 */
public class BillingFiles {

    public static final String SUMMARY = "summary.json";
    public static final String MANIFEST = "manifest.sha256";
    public static final String REVIEW = ReviewFile.NAME;
    public static final String RECONCILIATION = ReconciliationFile.NAME;
    /** The folder under the output folder that previews go to. */
    public static final String PREVIEW_FOLDER = "preview";
    /** The files of a date, in the manifest's order. */
    static final List<String> FILES = List.of(InvoiceFile.NAME, SeatCountsFile.NAME, ReconciliationFile.NAME,
            ReviewFile.NAME, SUMMARY);

    private final Path outDir;
    private final boolean preview;
    private final Map<LocalDate, BillingSummary> written = new ConcurrentHashMap<>();

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
     * manifest.sha256; returns the summary, which {@link #written} gives again until it is asked for.
     */
    public BillingSummary write(DateContent content) {
        Path folder = folder(content.date());
        try {
            prepare(folder);
            try (Rendered rendered = render(content, folder, FILES)) {
                rendered.moveIntoPlace(FILES);
                AtomicFiles.write(folder.resolve(MANIFEST), manifest(rendered.sha256));
                if (!preview) {
                    written.put(content.date(), rendered.summary); // NightlyBilling reads it back; a preview's is not
                }
                return rendered.summary;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the billing files of " + content.date() + " to " + folder, e);
        }
    }

    /**
     * The summary that {@link #write} produced for {@code date} in this process, once: the nightly job writes the
     * files in its last step, and the caller that started the job reports the same figures without reading a
     * million organisations again.
     */
    public Optional<BillingSummary> written(LocalDate date) {
        return Optional.ofNullable(written.remove(date));
    }

    /**
     * Checks a billed date's files against its manifest.sha256 and writes again, from {@code content}, every file
     * that is missing or whose checksum differs (edited in a spreadsheet, truncated), then the manifest; with
     * the manifest missing, nothing can be checked and every file is written again. Files that match are
     * left untouched.
     *
     * @return the names of the files written again, in writing order (empty when all were intact), and the
     *         date's summary
     */
    public Restored restore(DateContent content) {
        Path folder = folder(content.date());
        try {
            prepare(folder);
            Map<String, String> listed = listed(folder.resolve(MANIFEST));
            Map<String, String> onDisk = new LinkedHashMap<>();
            List<String> stale = new ArrayList<>();
            for (String name : FILES) {
                Path path = folder.resolve(name);
                String current = Files.isRegularFile(path) ? AtomicFiles.sha256(path) : null;
                if (current == null || !current.equals(listed.get(name))) {
                    stale.add(name);
                }
                onDisk.put(name, current);
            }
            try (Rendered rendered = render(content, folder, stale)) {
                if (stale.isEmpty()) {
                    return new Restored(List.of(), rendered.summary);
                }
                rendered.moveIntoPlace(stale);
                onDisk.putAll(rendered.sha256);
                AtomicFiles.write(folder.resolve(MANIFEST), manifest(onDisk));
                List<String> rewritten = new ArrayList<>(stale);
                rewritten.add(MANIFEST);
                return new Restored(rewritten, rendered.summary);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot restore the billing files of " + content.date() + " in " + folder, e);
        }
    }

    /** The outcome of {@link #restore}. */
    public record Restored(List<String> rewritten, BillingSummary summary) {

        public Restored {
            rewritten = List.copyOf(rewritten);
        }
    }

    private static void prepare(Path folder) throws IOException {
        Files.createDirectories(folder);
        AtomicFiles.removeLeftovers(folder);
    }

    /**
     * One pass over {@code content}: the files named in {@code kept} are written aside (not moved yet), the
     * others only counted into the summary.
     */
    private Rendered render(DateContent content, Path folder, List<String> kept) throws IOException {
        Map<String, AtomicFiles.Aside> asides = new LinkedHashMap<>();
        try {
            for (String name : kept) {
                asides.put(name, AtomicFiles.aside(folder.resolve(name)));
            }
            BillingSummary.Tally tally = new BillingSummary.Tally();
            try (Writer invoices = writer(asides.get(InvoiceFile.NAME));
                    Writer seatCounts = writer(asides.get(SeatCountsFile.NAME));
                    Writer reconciliation = writer(asides.get(ReconciliationFile.NAME));
                    Writer review = writer(asides.get(ReviewFile.NAME))) {
                Csv invoiceCsv = new Csv(invoices, InvoiceFile.HEADER);
                Csv seatCountsCsv = new Csv(seatCounts, SeatCountsFile.HEADER);
                Csv reconciliationCsv = new Csv(reconciliation, ReconciliationFile.HEADER);
                Csv reviewCsv = new Csv(review, ReviewFile.HEADER);
                content.forEachOrganisation(org -> {
                    org.org().lines().forEach(line -> InvoiceFile.row(invoiceCsv, line));
                    if (org.org().snapshot() != null) {
                        SeatCountsFile.row(seatCountsCsv, org.org().snapshot());
                    }
                    if (org.reconciliation() != null) {
                        ReconciliationFile.row(reconciliationCsv, org.reconciliation());
                    }
                    org.review().forEach(row -> ReviewFile.row(reviewCsv, row));
                    tally.add(org);
                });
            }
            BillingSummary summary = tally.summary(content, preview);
            AtomicFiles.Aside summaryFile = asides.get(SUMMARY);
            if (summaryFile != null) {
                summaryFile.stream().write(summary.toJson().getBytes(StandardCharsets.UTF_8));
            }
            Map<String, String> sha256 = new LinkedHashMap<>();
            for (Map.Entry<String, AtomicFiles.Aside> aside : asides.entrySet()) {
                sha256.put(aside.getKey(), aside.getValue().finish());
            }
            return new Rendered(summary, sha256, asides);
        } catch (IOException | RuntimeException e) {
            for (AtomicFiles.Aside aside : asides.values()) {
                aside.close();
            }
            throw e;
        }
    }

    private static Writer writer(AtomicFiles.Aside aside) {
        return aside == null ? Writer.nullWriter()
                : new BufferedWriter(new OutputStreamWriter(aside.stream(), StandardCharsets.UTF_8), 1 << 16);
    }

    /** Files rendered aside, with their checksums and the summary; closing it deletes those not moved. */
    private record Rendered(BillingSummary summary, Map<String, String> sha256, Map<String, AtomicFiles.Aside> asides)
            implements AutoCloseable {

        /** Moves {@code names}, in that order, over their targets. */
        void moveIntoPlace(List<String> names) throws IOException {
            for (String name : names) {
                asides.get(name).moveIntoPlace();
            }
        }

        @Override
        public void close() throws IOException {
            for (AtomicFiles.Aside aside : asides.values()) {
                aside.close();
            }
        }
    }

    /** sha256sum's format: hash, two spaces (text mode), name. */
    private static byte[] manifest(Map<String, String> sha256) {
        StringBuilder manifest = new StringBuilder();
        sha256.forEach((name, hash) -> manifest.append(hash).append("  ").append(name).append('\n'));
        return manifest.toString().getBytes(StandardCharsets.UTF_8);
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
}
