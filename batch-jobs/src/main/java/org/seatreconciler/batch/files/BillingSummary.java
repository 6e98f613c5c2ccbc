package org.seatreconciler.batch.files;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.seatreconciler.batch.billing.InvoiceLine;
import org.seatreconciler.batch.ledger.NotBilled;
import org.seatreconciler.batch.reports.DateContent;
import org.seatreconciler.batch.reports.OrgReport;
import org.seatreconciler.batch.reports.Reconciliation;

/**
 * The control totals of one billing date (summary.json): whether it is a preview, organisations considered,
 * invoice lines, seats invoiced, the amount per currency, the renewal change per currency (the movement of
 * monthly recurring revenue, DESIGN.md section 9), the rows of review.csv, and the organisations not billed
 * with the reason ({@code {orgId, reason}}, section 6). {@code organisations} counts the rows of
 * seat-counts.csv; an organisation not billed because its id or figures failed validation is only in
 * {@code notBilled}.
 */
public record BillingSummary(LocalDate billingDate, boolean preview, int organisations, int invoiceLines,
        long seatsInvoiced, Map<String, BigDecimal> amounts, Map<String, BigDecimal> renewalChange, int reviewRows,
        List<NotBilled> notBilled) {

    /** The summary of {@code content}, from a pass over its organisations (no file is written). */
    public static BillingSummary of(DateContent content, boolean preview) {
        Tally tally = new Tally();
        content.forEachOrganisation(tally::add);
        return tally.summary(content, preview);
    }

    /** Adds up a date's organisations as they are rendered. */
    static final class Tally {

        private final Map<String, BigDecimal> amounts = new TreeMap<>();
        private final Map<String, BigDecimal> renewalChange = new TreeMap<>();
        private int organisations;
        private int invoiceLines;
        private long seats;
        private int reviewRows;

        void add(OrgReport org) {
            if (org.org().snapshot() != null) {
                organisations++;
            }
            for (InvoiceLine line : org.org().lines()) {
                invoiceLines++;
                seats += line.seatsInvoiced();
                amounts.merge(line.amount().currency().getCurrencyCode(), line.amount().amount(), BigDecimal::add);
            }
            if (org.reconciliation() != null) {
                Reconciliation.addRenewalChange(renewalChange, org.reconciliation());
            }
            reviewRows += org.review().size();
        }

        BillingSummary summary(DateContent content, boolean preview) {
            return new BillingSummary(content.date(), preview, organisations, invoiceLines, seats,
                    Collections.unmodifiableMap(new TreeMap<>(amounts)),
                    Collections.unmodifiableMap(new TreeMap<>(renewalChange)), reviewRows,
                    List.copyOf(content.notBilled()));
        }
    }

    /**
     * What the date's files say, in one line: {@code 3 organisations, 1 invoice lines, 1 seats, amounts
     * {USD=48.39}}, then the rows to review and the organisations not billed when there are any.
     */
    public String describe() {
        return organisations + " organisations, " + invoiceLines + " invoice lines, " + seatsInvoiced
                + " seats, amounts " + amounts + (reviewRows == 0 ? "" : ", " + reviewRows + " to review (review.csv)")
                + (notBilled.isEmpty() ? "" : ", " + notBilled.size() + " not billed (summary.json notBilled)");
    }

    /** Deterministic JSON (fixed key order, no wall-clock time), amounts as strings with the minor digits. */
    public String toJson() {
        StringBuilder json = new StringBuilder("{\n");
        json.append("  \"billingDate\": ").append(string(billingDate.toString())).append(",\n");
        json.append("  \"preview\": ").append(preview).append(",\n");
        json.append("  \"organisations\": ").append(organisations).append(",\n");
        json.append("  \"invoiceLines\": ").append(invoiceLines).append(",\n");
        json.append("  \"seatsInvoiced\": ").append(seatsInvoiced).append(",\n");
        json.append("  \"amounts\": ").append(perCurrency(amounts)).append(",\n");
        json.append("  \"renewalChange\": ").append(perCurrency(renewalChange)).append(",\n");
        json.append("  \"reviewRows\": ").append(reviewRows).append(",\n");
        json.append("  \"notBilled\": [");
        String separator = "";
        for (NotBilled org : notBilled) {
            json.append(separator).append("\n    {\"orgId\": ").append(string(org.orgId()))
                    .append(", \"reason\": ").append(string(org.reason())).append('}');
            separator = ",";
        }
        json.append(notBilled.isEmpty() ? "]\n}\n" : "\n  ]\n}\n");
        return json.toString();
    }

    /** {@code {"USD": "12.50"}}: amounts as strings with the currency's minor digits, by currency code. */
    private static String perCurrency(Map<String, BigDecimal> amounts) {
        StringBuilder json = new StringBuilder("{");
        String separator = "";
        for (Map.Entry<String, BigDecimal> amount : amounts.entrySet()) {
            json.append(separator).append(string(amount.getKey())).append(": ")
                    .append(string(amount.getValue().toPlainString()));
            separator = ", ";
        }
        return json.append('}').toString();
    }

    private static String string(String value) {
        StringBuilder s = new StringBuilder("\"");
        for (char c : value.toCharArray()) {
            switch (c) {
                case '"' -> s.append("\\\"");
                case '\\' -> s.append("\\\\");
                case '\n' -> s.append("\\n");
                case '\r' -> s.append("\\r");
                case '\t' -> s.append("\\t");
                default -> {
                    if (c < 0x20) {
                        s.append(String.format("\\u%04x", (int) c));
                    } else {
                        s.append(c);
                    }
                }
            }
        }
        return s.append('"').toString();
    }
}
