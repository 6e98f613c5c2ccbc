package org.seatreconciler.batch.reports;

import java.time.LocalDate;

import org.seatreconciler.batch.ledger.BilledDate;
import org.seatreconciler.batch.ledger.BillingHistory;
import org.seatreconciler.batch.ledger.LedgerRepository;

/** Makes the {@link DateReport} of a date from the ledger, or of figures computed in memory. */
public class DateReports {

    private final LedgerRepository ledger;
    private final ReviewThresholds thresholds;

    public DateReports(LedgerRepository ledger, ReviewThresholds thresholds) {
        this.ledger = ledger;
        this.thresholds = thresholds;
    }

    /** A billed date, from what the ledger holds for it and before it. */
    public DateReport of(LocalDate date) {
        return of(ledger.billedDate(date), ledger);
    }

    /** {@code billed}, with what {@code history} holds before it. */
    public DateReport of(BilledDate billed, BillingHistory history) {
        return DateReport.of(billed, PriorBilling.before(billed.date(), history), thresholds);
    }
}
