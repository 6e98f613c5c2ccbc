package org.seatreconciler.batch.reports;

import java.time.LocalDate;

import org.seatreconciler.batch.billing.BillingCalculator;
import org.seatreconciler.batch.input.DateInputs;
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
        return LedgerDate.billed(ledger, date, thresholds);
    }

    /**
     * A date billed now from {@code inputs}, with what the ledger holds before it (a preview of one date): rendered
     * as it is computed, so that a million organisations are never held at once.
     */
    public DateContent computed(DateInputs inputs, BillingCalculator calculator) {
        return LedgerDate.computed(ledger, inputs, calculator, thresholds);
    }

    /**
     * One organisation's part of a billed date (an explanation): what the whole date
     * ({@link LedgerRepository#billedDate(LocalDate)}) holds for it, read by key without the other organisations' rows.
     */
    public DateReport of(LocalDate date, String orgId) {
        return of(ledger.billedDate(date, orgId), ledger.history(orgId));
    }

    /** {@code billed}, with what {@code history} holds before it. */
    public DateReport of(BilledDate billed, BillingHistory history) {
        return DateReport.of(billed, PriorBilling.before(billed.date(), history), thresholds);
    }
}
