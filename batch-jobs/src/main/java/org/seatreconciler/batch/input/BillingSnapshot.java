package org.seatreconciler.batch.input;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.seatreconciler.batch.billing.BillingInput;
import org.seatreconciler.batch.billing.SeatFigures;
import org.seatreconciler.batch.ledger.SeatSnapshot;

/**
 * What one read of the topics gives a run: the daily figures of its dates and the latest plan per
 * organisation.
 */
public record BillingSnapshot(DailyHistory daily, Map<String, String> plans) {

    /**
     * The billing inputs of {@code date}, sorted by orgId: every organisation with a daily record on or
     * before it, and every organisation of the previous billed date whose records have since aged out of
     * seats.org-daily, on that date's close counts (peaks = close; DESIGN.md section 6): an organisation
     * billed before is never dropped.
     *
     * @param previous  the seat snapshots of the latest billed date before {@code date}
     * @param purchased seats invoiced per organisation in {@code date}'s month before it
     */
    public List<BillingInput> inputs(LocalDate date, List<SeatSnapshot> previous, Map<String, Integer> purchased) {
        Map<String, SeatFigures> figures = new TreeMap<>(daily.figures(date));
        previous.forEach(s -> figures.putIfAbsent(s.orgId(), s.figures().withPeaksAtClose()));
        List<BillingInput> inputs = new ArrayList<>(figures.size());
        figures.forEach((orgId, f) -> inputs.add(new BillingInput(date, orgId, f, plans.get(orgId),
                purchased.getOrDefault(orgId, 0))));
        return inputs;
    }
}
