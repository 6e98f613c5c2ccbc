package org.seatreconciler.batch;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.seatreconciler.batch.files.BillingSummary;
import org.seatreconciler.batch.ledger.NotBilled;

/**
 * The outcome of billing one date, read back from the ledger (so it is the same whether the date was
 * billed now or before).
 *
 * @param folder         {@code <out>/<billingDate>}, absolute
 * @param alreadyBilled  the date had completed before: nothing was billed this time
 * @param filesRewritten already billed, but these files were missing or differed from manifest.sha256: they
 *                       were written again from the ledger
 * @param summary        the date's summary.json
 */
public record BillingRun(LocalDate billingDate, Path folder, boolean alreadyBilled, List<String> filesRewritten,
        BillingSummary summary) {

    public BillingRun {
        filesRewritten = List.copyOf(filesRewritten);
    }

    /** Organisations considered (rows of seat-counts.csv). */
    public int organisations() {
        return summary.organisations();
    }

    /** Rows of invoices.csv. */
    public int invoiceLines() {
        return summary.invoiceLines();
    }

    /** The sum of seats_invoiced. */
    public long seatsInvoiced() {
        return summary.seatsInvoiced();
    }

    /** Total amount per currency code, with the currency's minor digits. */
    public Map<String, BigDecimal> amounts() {
        return summary.amounts();
    }

    /** renewal_change_amount of reconciliation.csv per currency code: the movement of recurring revenue. */
    public Map<String, BigDecimal> renewalChange() {
        return summary.renewalChange();
    }

    /** Rows of review.csv. */
    public int reviewRows() {
        return summary.reviewRows();
    }

    /** "orgId: reason" of every organisation that could not be billed. */
    public List<String> notBilled() {
        return summary.notBilled().stream().map(NotBilled::toString).toList();
    }

    /** One line for the operator: what was billed, or that nothing was and which files were restored. */
    public String describe() {
        if (alreadyBilled) {
            return billingDate + " is already billed: ledger unchanged; " + (filesRewritten.isEmpty()
                    ? "files checked against manifest.sha256 and left unchanged"
                    : String.join(", ", filesRewritten) + " missing or not matching manifest.sha256, written again "
                            + "from the ledger") + " (" + folder + ")";
        }
        return "Billed " + billingDate + ": " + summary.describe() + " -> " + folder;
    }
}
