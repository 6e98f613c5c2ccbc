package org.seatreconciler.batch.files;

import java.util.List;

/**
 * RFC 4180 CSV text: CRLF after every record, a field quoted only when it must be (it holds a comma,
 * a double quote, CR or LF), quotes inside doubled.
 */
final class Csv {

    private static final String CRLF = "\r\n";

    private final StringBuilder text = new StringBuilder();

    Csv(List<String> header) {
        row(header);
    }

    Csv row(List<?> fields) {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                text.append(',');
            }
            text.append(field(String.valueOf(fields.get(i))));
        }
        text.append(CRLF);
        return this;
    }

    static String field(String value) {
        if (value.indexOf(',') < 0 && value.indexOf('"') < 0 && value.indexOf('\r') < 0 && value.indexOf('\n') < 0) {
            return value;
        }
        return '"' + value.replace("\"", "\"\"") + '"';
    }

    @Override
    public String toString() {
        return text.toString();
    }
}
