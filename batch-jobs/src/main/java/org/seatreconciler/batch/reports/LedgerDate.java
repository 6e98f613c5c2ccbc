package org.seatreconciler.batch.reports;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.seatreconciler.batch.billing.BillingPeriod;
import org.seatreconciler.batch.billing.InvoiceLine;
import org.seatreconciler.batch.ledger.LedgerRepository;
import org.seatreconciler.batch.ledger.NotBilled;
import org.seatreconciler.batch.ledger.OrgCursor;
import org.seatreconciler.batch.ledger.SeatsCursor;
import org.seatreconciler.batch.ledger.SeatSnapshot;

/**
 * A billed date read from the ledger while its files are written: the date's seat snapshots and invoice lines
 * merged, organisation by organisation, with what the dates before it hold (the month's purchases, the renewal
 * on the 1st, the previous month's seats on a 1st, the previous date's required seats), every query read once
 * and in org_id order. Memory stays the same whatever the number of organisations; the figures are those of
 * {@link PriorBilling#before}.
 */
final class LedgerDate implements DateContent {

    private final LedgerRepository ledger;
    private final LocalDate date;
    private final ReviewThresholds thresholds;

    LedgerDate(LedgerRepository ledger, LocalDate date, ReviewThresholds thresholds) {
        this.ledger = ledger;
        this.date = date;
        this.thresholds = thresholds;
    }

    @Override
    public LocalDate date() {
        return date;
    }

    @Override
    public List<NotBilled> notBilled() {
        return ledger.notBilled(date);
    }

    @Override
    public void forEachOrganisation(Consumer<OrgReport> sink) {
        ledger.streaming(() -> {
            LocalDate previousDate = ledger.latestSnapshotDateBefore(date).orElse(null);
            BillingPeriod month = BillingPeriod.containing(date);
            boolean first = month.startsOn(date);
            List<AutoCloseable> open = new ArrayList<>();
            try {
                OrgCursor<SeatSnapshot> snapshots = opened(open, ledger.snapshotCursor(date));
                OrgCursor<InvoiceLine> lines = opened(open, ledger.lineCursor(date));
                SeatsCursor monthBefore = opened(open, ledger.seatsCursor(month.start(), date));
                SeatsCursor previousMonth = opened(open, first
                        ? ledger.seatsCursor(month.start().minusMonths(1), month.start())
                        : ledger.seatsCursor(month.start(), month.start()));
                OrgCursor<InvoiceLine> renewals = first ? null : opened(open, ledger.renewalCursor(month.start()));
                OrgCursor<SeatSnapshot> previous = previousDate == null ? null
                        : opened(open, ledger.snapshotCursor(previousDate));
                for (String org = next(snapshots, lines); org != null; org = next(snapshots, lines)) {
                    OrgPrior prior = new OrgPrior(monthBefore.take(org), renewals == null ? 0 : seats(renewals, org),
                            previousMonth.take(org), previous == null ? null : requiredSeats(previous.takeOne(org)));
                    OrgDate orgDate = new OrgDate(org, snapshots.takeOne(org), lines.take(org), prior);
                    sink.accept(OrgReport.of(date, previousDate, orgDate, thresholds));
                }
            } finally {
                close(open);
            }
            return null;
        });
    }

    /** The next organisation with a snapshot or a line, or null at the end of both. */
    private static String next(OrgCursor<SeatSnapshot> snapshots, OrgCursor<InvoiceLine> lines) {
        String a = snapshots.peekOrg();
        String b = lines.peekOrg();
        return a == null ? b : b == null || a.compareTo(b) <= 0 ? a : b;
    }

    private static <T extends AutoCloseable> T opened(List<AutoCloseable> open, T cursor) {
        open.add(cursor);
        return cursor;
    }

    private static void close(List<AutoCloseable> open) {
        for (AutoCloseable cursor : open) {
            try {
                cursor.close();
            } catch (Exception e) {
                // a cursor that cannot close leaves its statement to the transaction's end
            }
        }
    }

    private static int seats(OrgCursor<InvoiceLine> lines, String org) {
        return lines.take(org).stream().mapToInt(InvoiceLine::seatsInvoiced).sum();
    }

    private static Integer requiredSeats(SeatSnapshot snapshot) {
        return snapshot == null || snapshot.requirement() == null ? null : snapshot.requirement().requiredSeats();
    }
}
