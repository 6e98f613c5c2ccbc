package org.seatreconciler.batch.files;

import java.util.List;

import org.seatreconciler.batch.reports.ReviewRow;

/** review.csv: the columns of DESIGN.md section 6, in order; always written, the header alone when empty. */
final class ReviewFile {

    static final String NAME = "review.csv";

    static final List<String> HEADER = List.of("billing_date", "org_id", "check", "seats_before",
            "seats_after", "detail");

    private ReviewFile() {
    }

    static void row(Csv csv, ReviewRow r) {
        csv.row(List.of(r.billingDate(), r.orgId(), r.check(), r.seatsBefore(), r.seatsAfter(), r.detail()));
    }

    /** @param rows sorted by org_id then check */
    static String render(List<ReviewRow> rows) {
        return Csv.render(HEADER, rows, ReviewFile::row);
    }
}
