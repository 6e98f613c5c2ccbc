package org.seatreconciler.batch.reports;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.seatreconciler.batch.billing.BillingPeriod;
import org.seatreconciler.batch.billing.InvoiceLine;
import org.seatreconciler.batch.billing.LineType;
import org.seatreconciler.batch.billing.SeatFigures;
import org.seatreconciler.batch.billing.SeatRequirement;
import org.seatreconciler.batch.ledger.BilledDate;
import org.seatreconciler.batch.ledger.SeatSnapshot;

/**
 * reconciliation.csv and the revenue movement (DESIGN.md section 9): per organisation of seat-counts.csv, the
 * seats it holds in the month against the seats it needs, and how its next renewal moves the monthly
 * recurring revenue. Seats are not refunded within a month, so an organisation that shrank holds unused
 * seats until the renewal.
 */
public final class Reconciliation {

    private Reconciliation() {
    }

    /** One row per snapshot of {@code billed}, in its order (by org_id). */
    public static List<ReconciliationRow> rows(BilledDate billed, PriorBilling prior) {
        boolean first = BillingPeriod.containing(billed.date()).startsOn(billed.date());
        Map<String, Integer> invoicedNow = new HashMap<>();
        Map<String, Integer> renewedNow = new HashMap<>();
        for (InvoiceLine line : billed.lines()) {
            invoicedNow.merge(line.orgId(), line.seatsInvoiced(), Integer::sum);
            if (line.lineType() == LineType.RENEWAL) {
                renewedNow.put(line.orgId(), line.seatsInvoiced());
            }
        }
        Map<String, Integer> renewed = first ? renewedNow : prior.renewedOnFirst();
        List<ReconciliationRow> rows = new ArrayList<>(billed.snapshots().size());
        for (SeatSnapshot s : billed.snapshots()) {
            int purchased = prior.purchasedBefore(s.orgId()) + invoicedNow.getOrDefault(s.orgId(), 0);
            rows.add(row(s, purchased, renewed.getOrDefault(s.orgId(), 0)));
        }
        return rows;
    }

    /** The sum of renewal_change_amount per currency code: the movement of monthly recurring revenue. */
    public static Map<String, BigDecimal> renewalChangeTotals(List<ReconciliationRow> rows) {
        Map<String, BigDecimal> totals = new TreeMap<>();
        rows.stream().filter(r -> r.renewalChangeAmount() != null).forEach(r -> totals.merge(
                r.renewalChangeAmount().currency().getCurrencyCode(), r.renewalChangeAmount().amount(), BigDecimal::add));
        return Collections.unmodifiableMap(totals);
    }

    private static ReconciliationRow row(SeatSnapshot s, int purchased, int renewed) {
        SeatFigures f = s.figures();
        SeatRequirement need = s.requirement();
        if (need == null) {
            return new ReconciliationRow(s.billingDate(), s.orgId(), s.plan(), f.billableStandard(), f.supportOnly(),
                    f.totalMembers(), null, purchased, null, null, null, null);
        }
        int b = need.billableStandard(f);
        int t = need.totalMembers(f);
        int required = need.requiredSeats();
        int change = required - renewed;
        return new ReconciliationRow(s.billingDate(), s.orgId(), s.plan(), b, t - b, t, required, purchased,
                Math.max(purchased - required, 0), required, change, need.unitPrice().times(change));
    }
}
