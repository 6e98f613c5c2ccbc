package org.seatreconciler.local.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.seatreconciler.local.plans.CsvLine;

/** Reads back the rows of a {@code review.csv} (DESIGN.md section 6) for the demo's summary. */
public final class ReviewLines {

    /** One row, as printed to the user. */
    public record Line(String orgId, String check, String seatsBefore, String seatsAfter, String detail) {
    }

    private ReviewLines() {
    }

    /** The rows in file order; none when the file is missing or holds the header alone. */
    public static List<Line> read(Path reviewCsv) {
        if (!Files.exists(reviewCsv)) {
            return List.of();
        }
        try {
            // the detail holds no line break, so a row is a line; fields in the contract's column order
            return Files.readAllLines(reviewCsv, StandardCharsets.UTF_8).stream().skip(1).filter(row -> !row.isBlank())
                    .map(CsvLine::split)
                    .map(f -> new Line(f.get(1), f.get(2), f.get(3), f.get(4), f.get(5)))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + reviewCsv + ": " + e.getMessage(), e);
        }
    }
}
