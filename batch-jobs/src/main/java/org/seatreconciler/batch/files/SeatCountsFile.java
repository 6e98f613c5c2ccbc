package org.seatreconciler.batch.files;

import java.util.List;

import org.seatreconciler.batch.billing.SeatFigures;
import org.seatreconciler.batch.ledger.SeatSnapshot;

/** seat-counts.csv: every organisation considered, the columns of DESIGN.md section 6, in order. */
final class SeatCountsFile {

    static final String NAME = "seat-counts.csv";

    static final List<String> HEADER = List.of("billing_date", "org_id", "standard", "support", "admins",
            "owners", "billable_standard", "support_only", "total_members", "peak_billable_standard",
            "peak_total_members");

    private SeatCountsFile() {
    }

    static void row(Csv csv, SeatSnapshot s) {
        SeatFigures f = s.figures();
        csv.row(List.of(s.billingDate(), s.orgId(), f.standard(), f.support(), f.admins(), f.owners(),
                f.billableStandard(), f.supportOnly(), f.totalMembers(), f.peakBillableStandard(),
                f.peakTotalMembers()));
    }

    /** @param snapshots sorted by org_id */
    static String render(List<SeatSnapshot> snapshots) {
        return Csv.render(HEADER, snapshots, SeatCountsFile::row);
    }
}
