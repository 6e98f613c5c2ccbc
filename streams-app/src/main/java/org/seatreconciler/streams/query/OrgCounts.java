package org.seatreconciler.streams.query;

import org.seatreconciler.streams.counting.SeatFigures;

/** The body of {@code GET /orgs/{orgId}/counts}: an organisation's current figures (DESIGN.md section 2). */
public record OrgCounts(String orgId, int standard, int support, int admins, int owners, int billableStandard,
                        int supportOnly, int totalMembers) {

    public static OrgCounts of(String orgId, SeatFigures f) {
        return new OrgCounts(orgId, f.standard(), f.support(), f.admins(), f.owners(), f.billableStandard(),
                f.supportOnly(), f.totalMembers());
    }
}
