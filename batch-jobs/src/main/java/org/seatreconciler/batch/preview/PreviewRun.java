package org.seatreconciler.batch.preview;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.seatreconciler.batch.files.BillingSummary;

/**
 * The files a preview wrote for one date.
 *
 * @param folder          {@code <out>/preview/<date>}, absolute
 * @param computedFirst   the dates after the latest billed one and before this one: not billed yet, so computed
 *                        first, in memory, as the nightly run would bill them (their seats count as bought before)
 * @param unprocessed     membership events the streams app has not processed yet (not in these figures), or -1
 *                        when that could not be asked
 */
public record PreviewRun(LocalDate billingDate, Path folder, BillingSummary summary, List<LocalDate> computedFirst,
        long unprocessed) {

    public PreviewRun {
        computedFirst = List.copyOf(computedFirst);
    }

    /** One line: what the date's files would say, and what they rest on. */
    public String describe() {
        String before = computedFirst.isEmpty() ? "" : "; computed after " + range(computedFirst)
                + ", not billed yet, in memory";
        String lag = unprocessed > 0 ? "; the streams app has " + unprocessed + " membership events still to process, "
                + "not in these figures" : unprocessed < 0 ? "; the streams app's lag could not be read" : "";
        return "Preview of " + billingDate + " (nothing billed): " + summary.describe() + " -> " + folder + before + lag;
    }

    private static String range(List<LocalDate> dates) {
        return dates.size() == 1 ? dates.get(0).toString() : dates.get(0) + " .. " + dates.get(dates.size() - 1);
    }
}
