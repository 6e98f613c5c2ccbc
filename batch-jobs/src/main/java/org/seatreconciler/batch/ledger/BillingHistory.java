package org.seatreconciler.batch.ledger;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.seatreconciler.batch.billing.InvoiceLine;

/**
 * What earlier billing dates hold, as a date's inputs and finance's reports need it: the ledger itself
 * ({@link LedgerRepository}), the ledger as far as one organisation is concerned ({@link LedgerRepository#history}),
 * or the ledger with dates not billed yet simulated in memory (a preview).
 */
public interface BillingHistory {

    /** Seats invoiced per organisation on the dates {@code from} (included) to {@code to} (excluded). */
    Map<String, Integer> seatsInvoiced(LocalDate from, LocalDate to);

    /** Seats of each organisation's RENEWAL line on {@code date}. */
    Map<String, Integer> renewals(LocalDate date);

    /** The seat snapshots of the latest date before {@code date} that has any. */
    List<SeatSnapshot> latestSnapshotsBefore(LocalDate date);

    /** The latest date before {@code date} that has seat snapshots (of any organisation), or empty. */
    default Optional<LocalDate> latestSnapshotDateBefore(LocalDate date) {
        return latestSnapshotsBefore(date).stream().map(SeatSnapshot::billingDate).max(LocalDate::compareTo);
    }

    /** One organisation's invoice lines on the dates {@code from} (included) to {@code to} (excluded), by date. */
    List<InvoiceLine> lines(String orgId, LocalDate from, LocalDate to);
}
