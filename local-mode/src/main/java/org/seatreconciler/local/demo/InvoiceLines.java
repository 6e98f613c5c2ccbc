package org.seatreconciler.local.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.seatreconciler.local.plans.CsvLine;

/** Reads back the contract columns of an {@code invoices.csv} (DESIGN.md section 6) for the demo's summary. */
public final class InvoiceLines {

    /** One invoice line, as printed to the user. */
    public record Line(String orgId, String plan, String lineType, String requiredSeats, String seatsInvoiced,
                      String amount, String currency) {
    }

    private InvoiceLines() {
    }

    public static List<Line> read(Path invoicesCsv) {
        if (!Files.exists(invoicesCsv)) {
            return List.of();
        }
        try {
            List<String> rows = Files.readAllLines(invoicesCsv, StandardCharsets.UTF_8);
            if (rows.isEmpty()) {
                return List.of();
            }
            Map<String, Integer> column = new HashMap<>();
            List<String> header = CsvLine.split(rows.get(0));
            for (int i = 0; i < header.size(); i++) {
                column.put(header.get(i), i);
            }
            List<Line> lines = new ArrayList<>();
            for (String row : rows.subList(1, rows.size())) {
                if (row.isBlank()) {
                    continue;
                }
                List<String> f = CsvLine.split(row);
                lines.add(new Line(f.get(column.get("org_id")), f.get(column.get("plan")), f.get(column.get("line_type")),
                        f.get(column.get("required_seats")), f.get(column.get("seats_invoiced")),
                        f.get(column.get("amount")), f.get(column.get("currency"))));
            }
            return lines;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + invoicesCsv + ": " + e.getMessage(), e);
        }
    }
}
