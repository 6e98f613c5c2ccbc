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
 * @param filesRewritten already billed, but files of the date were missing: they were written again
 *                       from the ledger (the same bytes, the files being deterministic)
 * @param organisations  organisations considered (rows of seat-counts.csv)
 * @param invoiceLines   rows of invoices.csv
 * @param seatsInvoiced  sum of seats_invoiced
 * @param amounts        total amount per currency code, with the currency's minor digits
 * @param notBilled      "orgId: reason" of every organisation that could not be billed
 */
public record BillingRun(LocalDate billingDate, Path folder, boolean alreadyBilled, boolean filesRewritten,
        int organisations,
        int invoiceLines, long seatsInvoiced, Map<String, BigDecimal> amounts, List<String> notBilled) {
}
