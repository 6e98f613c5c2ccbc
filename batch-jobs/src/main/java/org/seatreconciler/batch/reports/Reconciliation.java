package org.seatreconciler.batch.reports;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collections;
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
        return rows(billed.date(), OrgDate.of(billed, prior));
    }

    /** The rows of {@code organisations} (of {@code date}, in org_id order) that have a snapshot. */
    public static List<ReconciliationRow> rows(LocalDate date, List<OrgDate> organisations) {
        return organisations.stream().filter(o -> o.snapshot() != null).map(o -> row(date, o)).toList();
    }

    /**
     * The row of one organisation with a snapshot: seats_purchased_this_month is what it bought before D in the
     * month plus its lines of D; the renewal it is compared with is its RENEWAL of D on the 1st, else the one of
     * the 1st of D's month.
     */
    public static ReconciliationRow row(LocalDate date, OrgDate org) {
        boolean first = BillingPeriod.containing(date).startsOn(date);
        int invoicedNow = 0;
        int renewedNow = 0;
        for (InvoiceLine line : org.lines()) {
            invoicedNow += line.seatsInvoiced();
            if (line.lineType() == LineType.RENEWAL) {
                renewedNow = line.seatsInvoiced();
            }
        }
        return row(org.snapshot(), org.prior().purchasedBefore() + invoicedNow,
                first ? renewedNow : org.prior().renewedOnFirst());
    }

    /** The sum of renewal_change_amount per currency code: the movement of monthly recurring revenue. */
    public static Map<String, BigDecimal> renewalChangeTotals(List<ReconciliationRow> rows) {
        Map<String, BigDecimal> totals = new TreeMap<>();
        rows.forEach(r -> addRenewalChange(totals, r));
        return Collections.unmodifiableMap(totals);
    }

    /** Adds {@code row}'s renewal_change_amount, if it has one, to {@code totals} (currency code -> amount). */
    public static void addRenewalChange(Map<String, BigDecimal> totals, ReconciliationRow row) {
        if (row.renewalChangeAmount() != null) {
            totals.merge(row.renewalChangeAmount().currency().getCurrencyCode(), row.renewalChangeAmount().amount(),
                    BigDecimal::add);
        }
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
