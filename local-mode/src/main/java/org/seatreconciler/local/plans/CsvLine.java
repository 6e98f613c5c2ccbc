package org.seatreconciler.local.plans;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits one CSV record (RFC 4180: commas, fields optionally in double quotes, {@code ""} for a quote).
 * Records spanning several lines are not supported: neither the plans file nor the invoice files need them.
 */
public final class CsvLine {

    private CsvLine() {
    }

    /** @throws IllegalArgumentException with what is wrong, for an unterminated quote or text after one */
    public static List<String> split(String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        int i = 0;
        while (true) {
            if (i < line.length() && line.charAt(i) == '"') {
                i = quoted(line, i + 1, field);
                if (i < line.length() && line.charAt(i) != ',') {
                    throw new IllegalArgumentException("text after a closing quote at column " + (i + 1));
                }
            } else {
                while (i < line.length() && line.charAt(i) != ',') {
                    field.append(line.charAt(i++));
                }
            }
            fields.add(field.toString());
            field.setLength(0);
            if (i >= line.length()) {
                return fields;
            }
            i++; // the comma
        }
    }

    private static int quoted(String line, int i, StringBuilder field) {
        while (i < line.length()) {
            char c = line.charAt(i);
            if (c == '"') {
                if (i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    field.append('"');
                    i += 2;
                    continue;
                }
                return i + 1;
            }
            field.append(c);
            i++;
        }
        throw new IllegalArgumentException("a quoted field is not closed");
    }
}
