package org.seatreconciler.batch.reports;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.seatreconciler.batch.billing.BillingCalculator;
import org.seatreconciler.batch.billing.BillingPeriod;
import org.seatreconciler.batch.billing.InvoiceLine;
import org.seatreconciler.batch.billing.OrgBilling;
import org.seatreconciler.batch.input.DateInputs;
import org.seatreconciler.batch.ledger.BilledDate;
import org.seatreconciler.batch.ledger.LedgerRepository;
import org.seatreconciler.batch.ledger.NotBilled;
import org.seatreconciler.batch.ledger.OrgCursor;
import org.seatreconciler.batch.ledger.SeatsCursor;
import org.seatreconciler.batch.ledger.SeatSnapshot;

/**
 * A date rendered one organisation at a time, in org_id order: its own rows (seat snapshots and invoice lines)
 * merged with what the ledger holds before it (the month's purchases, the renewal on the 1st, the previous
 * month's seats on a 1st, the previous date's required seats), every query read once and in org_id order.
 * Memory stays the same whatever the number of organisations; the figures are those of {@link PriorBilling#before}.
 * The date's own rows are the ledger's for a billed date ({@link #billed}), or billed from the date's inputs as
 * they are rendered for a preview ({@link #computed}).
 */
final class LedgerDate implements DateContent {

    /** One organisation's own rows of the date: its snapshot (null without one) and its lines. */
    record OwnRows(String orgId, SeatSnapshot snapshot, List<InvoiceLine> lines) {
    }

    /** Opens a date's own rows, in org_id order, adding what it opens to {@code open} (closed after the date). */
    @FunctionalInterface
    interface Rows {
        Iterator<OwnRows> open(List<AutoCloseable> open);
    }

    private final LedgerRepository ledger;
    private final LocalDate date;
    private final ReviewThresholds thresholds;
    private final Supplier<List<NotBilled>> notBilled;
    private final Rows rows;

    private LedgerDate(LedgerRepository ledger, LocalDate date, ReviewThresholds thresholds,
            Supplier<List<NotBilled>> notBilled, Rows rows) {
        this.ledger = ledger;
        this.date = date;
        this.thresholds = thresholds;
        this.notBilled = notBilled;
        this.rows = rows;
    }

    /** A billed date, read from the ledger while its files are written. */
    static LedgerDate billed(LedgerRepository ledger, LocalDate date, ReviewThresholds thresholds) {
        return new LedgerDate(ledger, date, thresholds, () -> ledger.notBilled(date), open -> {
            OrgCursor<SeatSnapshot> snapshots = opened(open, ledger.snapshotCursor(date));
            OrgCursor<InvoiceLine> lines = opened(open, ledger.lineCursor(date));
            return new Iterator<>() {
                @Override
                public boolean hasNext() {
                    return LedgerDate.next(snapshots, lines) != null;
                }

                @Override
                public OwnRows next() {
                    String org = LedgerDate.next(snapshots, lines);
                    if (org == null) {
                        throw new NoSuchElementException();
                    }
                    return new OwnRows(org, snapshots.takeOne(org), lines.take(org));
                }
            };
        });
    }

    /**
     * A date not read from the ledger but billed now from {@code inputs} (a preview), each organisation as it is
     * rendered: the rows the ledger would hold for it ({@link BilledDate#of}) are never held for the whole date.
     * The organisations not billed are found by a first pass over the inputs.
     */
    static LedgerDate computed(LedgerRepository ledger, DateInputs inputs, BillingCalculator calculator,
            ReviewThresholds thresholds) {
        Supplier<List<NotBilled>> notBilled = () -> {
            List<NotBilled> reasons = new ArrayList<>();
            inputs.forEach(input -> {
                NotBilled reason = BilledDate.notBilled(calculator.bill(input));
                if (reason != null) {
                    reasons.add(reason);
                }
            });
            reasons.sort(Comparator.comparing(NotBilled::orgId));
            return reasons;
        };
        return new LedgerDate(ledger, inputs.date(), thresholds, notBilled, open -> new Iterator<>() {
            private int partition;
            private int index;
            private OwnRows ahead = advance();

            @Override
            public boolean hasNext() {
                return ahead != null;
            }

            @Override
            public OwnRows next() {
                if (ahead == null) {
                    throw new NoSuchElementException();
                }
                OwnRows rows = ahead;
                ahead = advance();
                return rows;
            }

            /**
             * The next organisation with a snapshot or a line, as the ledger would hold them; null at the end. The
             * partitions of the inputs are consecutive runs of organisations: read one after the other, in order.
             */
            private OwnRows advance() {
                while (partition < inputs.partitions()) {
                    if (index == inputs.size(partition)) {
                        partition++;
                        index = 0;
                        continue;
                    }
                    OrgBilling billing = calculator.bill(inputs.get(partition, index++));
                    SeatSnapshot snapshot = BilledDate.snapshot(billing);
                    if (snapshot != null || billing.line().isPresent()) {
                        return new OwnRows(billing.orgId(), snapshot, billing.line().map(List::of).orElse(List.of()));
                    }
                }
                return null;
            }
        });
    }

    @Override
    public LocalDate date() {
        return date;
    }

    @Override
    public List<NotBilled> notBilled() {
        return notBilled.get();
    }

    @Override
    public void forEachOrganisation(Consumer<OrgReport> sink) {
        ledger.streaming(() -> {
            LocalDate previousDate = ledger.latestSnapshotDateBefore(date).orElse(null);
            BillingPeriod month = BillingPeriod.containing(date);
            boolean first = month.startsOn(date);
            List<AutoCloseable> open = new ArrayList<>();
            try {
                Iterator<OwnRows> own = rows.open(open);
                SeatsCursor monthBefore = opened(open, ledger.seatsCursor(month.start(), date));
                SeatsCursor previousMonth = opened(open, first
                        ? ledger.seatsCursor(month.start().minusMonths(1), month.start())
                        : ledger.seatsCursor(month.start(), month.start()));
                OrgCursor<InvoiceLine> renewals = first ? null : opened(open, ledger.renewalCursor(month.start()));
                OrgCursor<SeatSnapshot> previous = previousDate == null ? null
                        : opened(open, ledger.snapshotCursor(previousDate));
                while (own.hasNext()) {
                    OwnRows org = own.next();
                    OrgPrior prior = new OrgPrior(monthBefore.take(org.orgId()),
                            renewals == null ? 0 : seats(renewals, org.orgId()), previousMonth.take(org.orgId()),
                            previous == null ? null : requiredSeats(previous.takeOne(org.orgId())));
                    OrgDate orgDate = new OrgDate(org.orgId(), org.snapshot(), org.lines(), prior);
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
