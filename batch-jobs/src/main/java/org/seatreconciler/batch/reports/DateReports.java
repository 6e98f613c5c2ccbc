package org.seatreconciler.batch.reports;

import java.time.LocalDate;

import org.seatreconciler.batch.ledger.BilledDate;
import org.seatreconciler.batch.ledger.BillingHistory;
import org.seatreconciler.batch.ledger.LedgerRepository;

/** Makes what a date's files and reports come from: streamed from the ledger, or of figures held in memory. */
public class DateReports {

    private final LedgerRepository ledger;
    private final ReviewThresholds thresholds;

    public DateReports(LedgerRepository ledger, ReviewThresholds thresholds) {
        this.ledger = ledger;
        this.thresholds = thresholds;
    }

    /** A billed date, read from the ledger as it is rendered: what its files are written from. */
    public DateContent streamed(LocalDate date) {
        return new LedgerDate(ledger, date, thresholds);
    }

    /** A billed date, from what the ledger holds for it and before it, in memory (an explanation). */
    public DateReport of(LocalDate date) {
        return of(ledger.billedDate(date), ledger);
    }

    /** {@code billed}, with what {@code history} holds before it. */
    public DateReport of(BilledDate billed, BillingHistory history) {
        return DateReport.of(billed, PriorBilling.before(billed.date(), history), thresholds);
    }
}
