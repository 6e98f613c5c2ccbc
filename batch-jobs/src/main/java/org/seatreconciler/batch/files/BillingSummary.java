package org.seatreconciler.batch.files;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.seatreconciler.batch.billing.InvoiceLine;
import org.seatreconciler.batch.ledger.NotBilled;
import org.seatreconciler.batch.ledger.SeatSnapshot;

/**
 * The control totals of one billing date (summary.json): organisations considered, invoice lines,
 * seats invoiced, the amount per currency, and the organisations not billed with the reason
 * ({@code {orgId, reason}}, DESIGN.md section 6). {@code organisations} counts the rows of seat-counts.csv;
 * an organisation not billed because its id or figures failed validation is only in {@code notBilled}.
 */
public record BillingSummary(LocalDate billingDate, int organisations, int invoiceLines, long seatsInvoiced,
        Map<String, BigDecimal> amounts, List<NotBilled> notBilled) {

    public static BillingSummary of(LocalDate billingDate, List<InvoiceLine> lines, List<SeatSnapshot> snapshots,
            List<NotBilled> notBilled) {
        Map<String, BigDecimal> amounts = new TreeMap<>();
        long seats = 0;
        for (InvoiceLine line : lines) {
            amounts.merge(line.amount().currency().getCurrencyCode(), line.amount().amount(), BigDecimal::add);
            seats += line.seatsInvoiced();
        }
        return new BillingSummary(billingDate, snapshots.size(), lines.size(), seats,
                Collections.unmodifiableMap(amounts), List.copyOf(notBilled));
    }

    /** Deterministic JSON (fixed key order, no wall-clock time), amounts as strings with the minor digits. */
    public String toJson() {
        StringBuilder json = new StringBuilder("{\n");
        json.append("  \"billingDate\": ").append(string(billingDate.toString())).append(",\n");
        json.append("  \"organisations\": ").append(organisations).append(",\n");
        json.append("  \"invoiceLines\": ").append(invoiceLines).append(",\n");
        json.append("  \"seatsInvoiced\": ").append(seatsInvoiced).append(",\n");
        json.append("  \"amounts\": {");
        String separator = "";
        for (Map.Entry<String, BigDecimal> amount : amounts.entrySet()) {
            json.append(separator).append(string(amount.getKey())).append(": ")
                    .append(string(amount.getValue().toPlainString()));
            separator = ", ";
        }
        json.append("},\n  \"notBilled\": [");
        separator = "";
        for (NotBilled org : notBilled) {
            json.append(separator).append("\n    {\"orgId\": ").append(string(org.orgId()))
                    .append(", \"reason\": ").append(string(org.reason())).append('}');
            separator = ",";
        }
        json.append(notBilled.isEmpty() ? "]\n}\n" : "\n  ]\n}\n");
        return json.toString();
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
