package org.seatreconciler.batch.files;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * RFC 4180 CSV written row by row to a stream: CRLF after every record, a field quoted only when it must be
 * (it holds a comma, a double quote, CR or LF), quotes inside doubled.
 */
final class Csv {

    private static final String CRLF = "\r\n";

    private final Writer out;

    /** Writes {@code header} as the first row. */
    Csv(Writer out, List<String> header) {
        this.out = out;
        row(header);
    }

    Csv row(List<?> fields) {
        try {
            for (int i = 0; i < fields.size(); i++) {
                if (i > 0) {
                    out.write(',');
                }
                out.write(field(String.valueOf(fields.get(i))));
            }
            out.write(CRLF);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    static String field(String value) {
        if (value.indexOf(',') < 0 && value.indexOf('"') < 0 && value.indexOf('\r') < 0 && value.indexOf('\n') < 0) {
            return value;
        }
        return '"' + value.replace("\"", "\"\"") + '"';
    }

    /** A whole file as text: {@code header}, then a row per item written by {@code row}. */
    static <T> String render(List<String> header, List<T> items, BiConsumer<Csv, T> row) {
        StringWriter text = new StringWriter();
        Csv csv = new Csv(text, header);
        items.forEach(item -> row.accept(csv, item));
        return text.toString();
    }
}
