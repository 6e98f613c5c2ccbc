package org.seatreconciler.streams.counting;

import java.time.Instant;
import java.time.ZoneId;

import org.seatreconciler.avro.OrgSeatCounts;
import org.seatreconciler.avro.OrgSeatDay;

/** Maps the domain figures onto the published records of DESIGN.md section 5. */
final class OrgSeatOutputs {

    private OrgSeatOutputs() {
    }

    static OrgSeatCounts counts(String orgId, SeatFigures f, Instant lastChangedAt) {
        return OrgSeatCounts.newBuilder()
                .setOrgId(orgId)
                .setStandard(f.standard())
                .setSupport(f.support())
                .setAdmins(f.admins())
                .setOwners(f.owners())
                .setBillableStandard(f.billableStandard())
                .setSupportOnly(f.supportOnly())
                .setTotalMembers(f.totalMembers())
                .setLastChangedAt(lastChangedAt)
                .build();
    }

    static OrgSeatDay day(String orgId, DailySeats d, ZoneId billingZone) {
        SeatFigures f = d.close();
        return OrgSeatDay.newBuilder()
                .setOrgId(orgId)
                .setDay(d.day())
                .setStandard(f.standard())
                .setSupport(f.support())
                .setAdmins(f.admins())
                .setOwners(f.owners())
                .setBillableStandard(f.billableStandard())
                .setSupportOnly(f.supportOnly())
                .setTotalMembers(f.totalMembers())
                .setPeakBillableStandard(d.peakBillableStandard())
                .setPeakTotalMembers(d.peakTotalMembers())
                .setLastChangedAt(d.lastChangedAt())
                .setBillingZone(billingZone.getId())
                .build();
    }
}
