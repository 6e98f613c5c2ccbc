package org.seatreconciler.batch.preview;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.seatreconciler.batch.billing.InvoiceLine;
import org.seatreconciler.batch.billing.LineType;
import org.seatreconciler.batch.ledger.BilledDate;
import org.seatreconciler.batch.ledger.BillingHistory;
import org.seatreconciler.batch.ledger.NotBilled;
import org.seatreconciler.batch.ledger.SeatSnapshot;

/**
 * The ledger as a preview sees it: the dates up to the latest completed one, L, read from the ledger, and the
 * dates after L that are not billed yet, computed in memory in order. Nothing of the ledger after L is read, so
 * the rows a nightly run is writing for L + 1 at this moment (its committed chunks) never reach a preview.
 */
final class SimulatedHistory implements BillingHistory {

    private final BillingHistory ledger;
    private final LocalDate ledgerEnd;
    private final NavigableMap<LocalDate, BilledDate> simulated = new TreeMap<>();

    /** @param latestCompleted L, or null for a new ledger (nothing of it is read) */
    SimulatedHistory(BillingHistory ledger, LocalDate latestCompleted) {
        this.ledger = ledger;
        this.ledgerEnd = latestCompleted == null ? null : latestCompleted.plusDays(1);
    }

    /** Adds a date computed in memory; dates are added in order, each after L. */
    void add(BilledDate date) {
        simulated.put(date.date(), date);
    }

    @Override
    public Map<String, Integer> seatsInvoiced(LocalDate from, LocalDate to) {
        Map<String, Integer> seats = new HashMap<>(fromLedger(from, to) ? ledger.seatsInvoiced(from, min(to, ledgerEnd))
                : Map.of());
        simulated.subMap(from, to).values().forEach(date -> date.lines()
                .forEach(line -> seats.merge(line.orgId(), line.seatsInvoiced(), Integer::sum)));
        return seats;
    }

    @Override
    public Map<String, Integer> renewals(LocalDate date) {
        if (fromLedger(date, date.plusDays(1))) {
            return ledger.renewals(date);
        }
        Map<String, Integer> seats = new HashMap<>();
        BilledDate billed = simulated.get(date);
        if (billed != null) {
            billed.lines().stream().filter(l -> l.lineType() == LineType.RENEWAL)
                    .forEach(l -> seats.put(l.orgId(), l.seatsInvoiced()));
        }
        return seats;
    }

    /**
     * As the ledger carries them forward ({@link org.seatreconciler.batch.ledger.LedgerRepository#latestSnapshotsBefore}):
     * the snapshots of the latest date before {@code date} with any, and for each organisation not billed then
     * without one, what that date was given (its latest snapshot before).
     */
    @Override
    public List<SeatSnapshot> latestSnapshotsBefore(LocalDate date) {
        for (BilledDate before : simulated.headMap(date, false).descendingMap().values()) {
            if (!before.snapshots().isEmpty()) {
                return withOlder(before);
            }
        }
        return ledgerEnd == null ? List.of() : ledger.latestSnapshotsBefore(min(date, ledgerEnd));
    }

    /** The date {@link #latestSnapshotsBefore} gives the snapshots of, without reading them. */
    @Override
    public Optional<LocalDate> latestSnapshotDateBefore(LocalDate date) {
        for (BilledDate before : simulated.headMap(date, false).descendingMap().values()) {
            if (!before.snapshots().isEmpty()) {
                return Optional.of(before.date());
            }
        }
        return ledgerEnd == null ? Optional.empty() : ledger.latestSnapshotDateBefore(min(date, ledgerEnd));
    }

    private List<SeatSnapshot> withOlder(BilledDate before) {
        Set<String> snapshotted = before.snapshots().stream().map(SeatSnapshot::orgId).collect(Collectors.toSet());
        Set<String> without = before.notBilled().stream().map(NotBilled::orgId)
                .filter(org -> !snapshotted.contains(org)).collect(Collectors.toSet());
        if (without.isEmpty()) {
            return before.snapshots();
        }
        return Stream.concat(before.snapshots().stream(), latestSnapshotsBefore(before.date()).stream()
                .filter(s -> without.contains(s.orgId()))).sorted(Comparator.comparing(SeatSnapshot::orgId)).toList();
    }

    @Override
    public List<InvoiceLine> lines(String orgId, LocalDate from, LocalDate to) {
        List<InvoiceLine> lines = new ArrayList<>(fromLedger(from, to) ? ledger.lines(orgId, from, min(to, ledgerEnd))
                : List.of());
        simulated.subMap(from, to).values().forEach(date -> date.lines().stream()
                .filter(l -> l.orgId().equals(orgId)).forEach(lines::add));
        return lines;
    }

    /** Whether any of the dates from .. to (excluded) is read from the ledger. */
    private boolean fromLedger(LocalDate from, LocalDate to) {
        return ledgerEnd != null && from.isBefore(min(to, ledgerEnd));
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }
}
