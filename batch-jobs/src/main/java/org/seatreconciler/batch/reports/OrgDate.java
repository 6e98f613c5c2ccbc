package org.seatreconciler.batch.reports;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.seatreconciler.batch.billing.InvoiceLine;
import org.seatreconciler.batch.ledger.BilledDate;
import org.seatreconciler.batch.ledger.SeatSnapshot;

/**
 * One organisation's part of a billing date: everything its rows in the date's files come from.
 *
 * @param snapshot its seat snapshot (its row of seat-counts.csv), or null when it has invoice lines only (rows
 *                 of a ledger written before snapshots existed)
 * @param lines    its invoice lines on the date, RENEWAL before TRUE_UP
 * @param prior    what the dates before held for it
 */
public record OrgDate(String orgId, SeatSnapshot snapshot, List<InvoiceLine> lines, OrgPrior prior) {

    public OrgDate {
        lines = List.copyOf(lines);
    }

    /** The organisations of {@code billed} (with a snapshot, lines or both), in org_id order. */
    public static List<OrgDate> of(BilledDate billed, PriorBilling prior) {
        Map<String, SeatSnapshot> snapshots = new TreeMap<>();
        Map<String, List<InvoiceLine>> lines = new TreeMap<>();
        billed.snapshots().forEach(s -> snapshots.put(s.orgId(), s));
        billed.lines().forEach(l -> lines.computeIfAbsent(l.orgId(), org -> new ArrayList<>()).add(l));
        TreeMap<String, Boolean> orgs = new TreeMap<>();
        snapshots.keySet().forEach(org -> orgs.put(org, true));
        lines.keySet().forEach(org -> orgs.put(org, true));
        List<OrgDate> organisations = new ArrayList<>(orgs.size());
        orgs.keySet().forEach(org -> organisations.add(new OrgDate(org, snapshots.get(org),
                lines.getOrDefault(org, List.of()), prior.of(org))));
        return organisations;
    }
}
