package org.seatreconciler.batch.files;

import java.util.List;

import org.seatreconciler.batch.reports.ReconciliationRow;

/** reconciliation.csv: the columns of DESIGN.md section 9, in order; seat and money cells empty when not billed. */
final class ReconciliationFile {

    static final String NAME = "reconciliation.csv";

    static final List<String> HEADER = List.of("billing_date", "org_id", "plan", "billable_standard",
            "support_only", "total_members", "required_seats", "seats_purchased_this_month", "unused_seats",
            "next_renewal_seats", "renewal_change", "currency", "renewal_change_amount");

    private ReconciliationFile() {
    }

    static void row(Csv csv, ReconciliationRow r) {
        csv.row(List.of(r.billingDate(), r.orgId(), r.plan(), r.billableStandard(), r.supportOnly(),
                r.totalMembers(), blankIfNull(r.requiredSeats()), r.seatsPurchasedThisMonth(),
                blankIfNull(r.unusedSeats()), blankIfNull(r.nextRenewalSeats()), blankIfNull(r.renewalChange()),
                r.renewalChangeAmount() == null ? "" : r.renewalChangeAmount().currency().getCurrencyCode(),
                r.renewalChangeAmount() == null ? "" : r.renewalChangeAmount().toPlainString()));
    }

    /** @param rows sorted by org_id */
    static String render(List<ReconciliationRow> rows) {
        return Csv.render(HEADER, rows, ReconciliationFile::row);
    }

    private static Object blankIfNull(Integer value) {
        return value == null ? "" : value;
    }
}
