package org.seatreconciler.batch;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The outcome of billing one date, read back from the ledger (so it is the same whether the date was
 * billed now or before).
 *
 * @param folder         {@code <out>/<billingDate>}, absolute
 * @param alreadyBilled  the date had completed before: nothing was billed this time
 * @param filesRewritten already billed, but these files were missing or differed from manifest.sha256: they
 *                       were written again from the ledger
 * @param organisations  organisations considered (rows of seat-counts.csv)
 * @param invoiceLines   rows of invoices.csv
 * @param seatsInvoiced  sum of seats_invoiced
 * @param amounts        total amount per currency code, with the currency's minor digits
 * @param notBilled      "orgId: reason" of every organisation that could not be billed
 */
public record BillingRun(LocalDate billingDate, Path folder, boolean alreadyBilled, List<String> filesRewritten,
        int organisations, int invoiceLines, long seatsInvoiced, Map<String, BigDecimal> amounts,
        List<String> notBilled) {

    public BillingRun {
        filesRewritten = List.copyOf(filesRewritten);
        notBilled = List.copyOf(notBilled);
    }

    /** One line for the operator: what was billed, or that nothing was and which files were restored. */
    public String describe() {
        if (alreadyBilled) {
            return billingDate + " is already billed: ledger unchanged; " + (filesRewritten.isEmpty()
                    ? "files checked against manifest.sha256 and left unchanged"
                    : String.join(", ", filesRewritten) + " missing or not matching manifest.sha256, written again "
                            + "from the ledger") + " (" + folder + ")";
        }
        return "Billed " + billingDate + ": " + organisations + " organisations, " + invoiceLines + " invoice lines, "
                + seatsInvoiced + " seats, amounts " + amounts + (notBilled.isEmpty() ? ""
                        : ", " + notBilled.size() + " not billed (summary.json notBilled)") + " -> " + folder;
    }
}
