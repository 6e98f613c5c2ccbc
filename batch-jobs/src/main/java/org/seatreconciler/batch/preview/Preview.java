package org.seatreconciler.batch.preview;

import java.time.LocalDate;
import java.util.List;

import org.seatreconciler.batch.ledger.BillingHistory;
import org.seatreconciler.batch.reports.DateReport;

/**
 * What a preview computed, nothing of it written yet.
 *
 * @param reports       the dates asked, in order
 * @param computedFirst the dates not billed yet computed before the first date asked
 * @param history       the ledger with the dates computed in memory, for explaining a date of {@code reports}
 */
public record Preview(List<DateReport> reports, List<LocalDate> computedFirst, BillingHistory history) {

    public Preview {
        reports = List.copyOf(reports);
        computedFirst = List.copyOf(computedFirst);
    }

    public DateReport last() {
        return reports.get(reports.size() - 1);
    }
}
