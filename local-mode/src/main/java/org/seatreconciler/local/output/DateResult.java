package org.seatreconciler.local.output;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What the nightly job did for one billing date.
 *
 * @param organisations organisations considered (rows of seat-counts.csv)
 * @param invoiceLines rows of invoices.csv
 * @param totals amount invoiced per currency code, with the currency's minor digits
 * @param notBilled "orgId: reason" for each organisation the job could not bill (e.g. a plan missing
 *        from the catalogue)
 */
public record DateResult(LocalDate date, int organisations, int invoiceLines, SortedMap<String, BigDecimal> totals,
                         List<String> notBilled) {

    public DateResult {
        totals = new TreeMap<>(totals);
        notBilled = List.copyOf(notBilled);
    }

    public static DateResult of(LocalDate date, int organisations, int invoiceLines, Map<String, BigDecimal> totals,
                                List<String> notBilled) {
        return new DateResult(date, organisations, invoiceLines, new TreeMap<>(totals), notBilled);
    }
}
