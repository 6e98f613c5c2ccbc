package org.seatreconciler.local.output;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

import org.seatreconciler.batch.ledger.NotBilled;

/**
 * What the nightly job did for one billing date.
 *
 * @param organisations organisations considered (rows of seat-counts.csv)
 * @param invoiceLines rows of invoices.csv
 * @param totals amount invoiced per currency code, with the currency's minor digits
 * @param renewalChange the renewal change per currency code (reconciliation.csv): how the next renewals move
 *        monthly recurring revenue
 * @param reviewRows rows of review.csv
 * @param notBilled each organisation the job could not bill and why (e.g. a plan missing from the
 *        catalogue): the entries of the date's summary.json {@code notBilled}
 */
public record DateResult(LocalDate date, int organisations, int invoiceLines, SortedMap<String, BigDecimal> totals,
                         SortedMap<String, BigDecimal> renewalChange, int reviewRows, List<NotBilled> notBilled) {

    public DateResult {
        totals = new TreeMap<>(totals);
        renewalChange = new TreeMap<>(renewalChange);
        notBilled = List.copyOf(notBilled);
    }

    public static DateResult of(LocalDate date, int organisations, int invoiceLines, Map<String, BigDecimal> totals,
                                Map<String, BigDecimal> renewalChange, int reviewRows, List<NotBilled> notBilled) {
        return new DateResult(date, organisations, invoiceLines, new TreeMap<>(totals), new TreeMap<>(renewalChange),
                reviewRows, notBilled);
    }
}
