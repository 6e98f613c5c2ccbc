package org.seatreconciler.batch.input;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.ToIntFunction;

import org.seatreconciler.batch.billing.BillingInput;
import org.seatreconciler.batch.billing.BillingPeriod;
import org.seatreconciler.batch.billing.SeatFigures;
import org.seatreconciler.batch.ledger.LedgerRepository;
import org.seatreconciler.batch.ledger.OrgCursor;
import org.seatreconciler.batch.ledger.SeatSnapshot;
import org.seatreconciler.batch.ledger.SeatsCursor;

/**
 * What one read of the topics gives a run: the daily figures of its dates, the latest plan per organisation,
 * and the records that did not decode.
 */
public record BillingSnapshot(DailyHistory daily, Map<String, String> plans, UndecodableRecords undecodable) {

    /**
     * The billing inputs of {@code date}, sorted by org_id and split among {@code partitions}: every organisation
     * with a daily record on or before it, and every organisation carried forward from the previous billed date
     * whose records have since aged out of seats.org-daily, on its last snapshot's close counts (peaks = close; DESIGN.md section 6): an
     * organisation billed before is never dropped. An organisation whose undecodable record of seats.org-daily
     * is on or before the date is among them, to be left out with its reason ({@link UndecodableRecords}).
     *
     * @param previous        the seat snapshots the latest billed date before {@code date} carries forward (its own,
     *                        and the older ones of organisations it did not bill without a snapshot), in org_id
     *                        order
     * @param purchasedBefore seats invoiced to an organisation in {@code date}'s month before it; asked for the
     *                        organisations in org_id order
     */
    public DateInputs inputs(LocalDate date, OrgCursor<SeatSnapshot> previous, ToIntFunction<String> purchasedBefore,
            int partitions) {
        String[] fromTopic = UndecodableRecords.union(daily.organisations(date),
                undecodable.dailyOrganisations(date));
        List<String> orgs = new ArrayList<>(fromTopic.length);
        List<SeatFigures> carried = new ArrayList<>(fromTopic.length);
        int t = 0;
        for (String next = next(fromTopic, t, previous); next != null; next = next(fromTopic, t, previous)) {
            SeatSnapshot snapshot = previous.takeOne(next);
            if (t < fromTopic.length && fromTopic[t].equals(next)) {
                t++;
                carried.add(null);
            } else {
                carried.add(snapshot.figures().withPeaksAtClose());
            }
            orgs.add(next);
        }
        int[] purchased = new int[orgs.size()];
        for (int i = 0; i < purchased.length; i++) {
            purchased[i] = purchasedBefore.applyAsInt(orgs.get(i));
        }
        return new DateInputs(date, this, orgs.toArray(String[]::new), carried.toArray(SeatFigures[]::new),
                purchased, partitions);
    }

    /**
     * As {@link #inputs(LocalDate, OrgCursor, ToIntFunction, int)}, with what the ledger holds before {@code date}
     * (nothing of the date itself or after it is read).
     */
    public DateInputs inputs(LocalDate date, LedgerRepository ledger, int partitions) {
        return ledger.streaming(() -> {
            LocalDate previousDate = ledger.latestSnapshotDateBefore(date).orElse(null);
            try (OrgCursor<SeatSnapshot> previous = previousDate == null
                    ? OrgCursor.of("no previous snapshots", List.of(), SeatSnapshot::orgId)
                    : ledger.carriedForwardCursor(previousDate);
                    SeatsCursor purchased = ledger.seatsCursor(BillingPeriod.containing(date).start(), date)) {
                return inputs(date, previous, purchased::take, partitions);
            }
        });
    }

    /** As {@link #inputs(LocalDate, OrgCursor, ToIntFunction, int)}, from figures held in memory (a preview). */
    public List<BillingInput> inputs(LocalDate date, List<SeatSnapshot> previous, Map<String, Integer> purchased) {
        return inputs(date, OrgCursor.of("previous snapshots", previous, SeatSnapshot::orgId),
                org -> purchased.getOrDefault(org, 0), 1).list();
    }

    /** The smaller of the next organisation from the topic and the next previous snapshot's, or null. */
    private static String next(String[] fromTopic, int t, OrgCursor<SeatSnapshot> previous) {
        String a = t < fromTopic.length ? fromTopic[t] : null;
        String b = previous.peekOrg();
        return a == null ? b : b == null || a.compareTo(b) <= 0 ? a : b;
    }
}
