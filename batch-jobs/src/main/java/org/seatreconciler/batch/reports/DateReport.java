package org.seatreconciler.batch.reports;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

import org.seatreconciler.batch.ledger.BilledDate;
import org.seatreconciler.batch.ledger.NotBilled;

/**
 * Everything finance's files of one date are rendered from, held in memory: what was billed on it, what was
 * billed before it, and the reports computed from both. A preview and an explanation use it; the files of a
 * billed date are streamed from the ledger instead ({@link DateReports#streamed}), through the same
 * {@link DateContent} and the same per-organisation rules, so both give the same bytes from the same figures.
 */
public record DateReport(BilledDate billed, PriorBilling prior, List<OrgReport> organisations)
        implements DateContent {

    public DateReport {
        organisations = List.copyOf(organisations);
    }

    public static DateReport of(BilledDate billed, PriorBilling prior, ReviewThresholds thresholds) {
        return new DateReport(billed, prior, OrgDate.of(billed, prior).stream()
                .map(org -> OrgReport.of(billed.date(), prior.previousDate(), org, thresholds)).toList());
    }

    @Override
    public LocalDate date() {
        return billed.date();
    }

    @Override
    public List<NotBilled> notBilled() {
        return billed.notBilled();
    }

    @Override
    public void forEachOrganisation(Consumer<OrgReport> sink) {
        organisations.forEach(sink);
    }

    /** The rows of reconciliation.csv, by org_id. */
    public List<ReconciliationRow> reconciliation() {
        return organisations.stream().map(OrgReport::reconciliation).filter(Objects::nonNull).toList();
    }

    /** The rows of review.csv, by org_id then check. */
    public List<ReviewRow> review() {
        return organisations.stream().flatMap(o -> o.review().stream()).toList();
    }

    /** renewal_change_amount summed per currency code (summary.json {@code renewalChange}). */
    public Map<String, BigDecimal> renewalChange() {
        return Reconciliation.renewalChangeTotals(reconciliation());
    }

    public Optional<ReconciliationRow> reconciliationOf(String orgId) {
        return reconciliation().stream().filter(r -> r.orgId().equals(orgId)).findFirst();
    }
}
