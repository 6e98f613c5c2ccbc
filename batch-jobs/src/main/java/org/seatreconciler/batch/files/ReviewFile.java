package org.seatreconciler.batch.files;

import java.util.List;

import org.seatreconciler.batch.reports.ReviewRow;

/** review.csv: the columns of DESIGN.md section 6, in order; always written, the header alone when empty. */
final class ReviewFile {

    static final String NAME = "review.csv";

    private static final List<String> HEADER = List.of("billing_date", "org_id", "check", "seats_before",
            "seats_after", "detail");

    private ReviewFile() {
    }

    /** @param rows sorted by org_id then check */
    static String render(List<ReviewRow> rows) {
        Csv csv = new Csv(HEADER);
        for (ReviewRow r : rows) {
            csv.row(List.of(r.billingDate(), r.orgId(), r.check(), r.seatsBefore(), r.seatsAfter(), r.detail()));
        }
        return csv.toString();
    }
}
