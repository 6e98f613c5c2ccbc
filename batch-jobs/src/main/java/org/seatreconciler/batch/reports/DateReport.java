package org.seatreconciler.batch.reports;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.seatreconciler.batch.ledger.BilledDate;

/**
 * Everything finance's files of one date are rendered from: what was billed on it, what was billed before
 * it, and the reports computed from both. The same for a billed date (from the ledger) and a preview (from
 * figures computed in memory), so both give the same bytes from the same figures.
 */
public record DateReport(BilledDate billed, PriorBilling prior, List<ReconciliationRow> reconciliation,
        List<ReviewRow> review) {

    public DateReport {
        reconciliation = List.copyOf(reconciliation);
        review = List.copyOf(review);
    }

    public static DateReport of(BilledDate billed, PriorBilling prior, ReviewThresholds thresholds) {
        return new DateReport(billed, prior, Reconciliation.rows(billed, prior), Review.rows(billed, prior, thresholds));
    }

    public LocalDate date() {
        return billed.date();
    }

    /** renewal_change_amount summed per currency code (summary.json {@code renewalChange}). */
    public Map<String, BigDecimal> renewalChange() {
        return Reconciliation.renewalChangeTotals(reconciliation);
    }

    public Optional<ReconciliationRow> reconciliationOf(String orgId) {
        return reconciliation.stream().filter(r -> r.orgId().equals(orgId)).findFirst();
    }
}
