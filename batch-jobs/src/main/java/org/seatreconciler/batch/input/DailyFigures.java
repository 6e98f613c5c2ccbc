package org.seatreconciler.batch.input;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;

import org.seatreconciler.avro.OrgSeatDay;
import org.seatreconciler.batch.billing.SeatFigures;

/**
 * Picks each organisation's figures for a billing date from its daily records (DESIGN.md section 6):
 * the latest record on or before the date; its peaks only if it is the date's own record, else its
 * close (nothing changed on the date, so the close held all day).
 */
public final class DailyFigures {

    private DailyFigures() {
    }

    /** Figures by orgId, sorted by orgId; organisations with no record on or before the date are absent. */
    public static Map<String, SeatFigures> on(LocalDate billingDate, Collection<OrgSeatDay> days) {
        Map<String, OrgSeatDay> latest = new TreeMap<>();
        for (OrgSeatDay day : days) {
            if (day.getDay().isAfter(billingDate)) {
                continue;
            }
            latest.merge(day.getOrgId(), day, (a, b) -> b.getDay().isAfter(a.getDay()) ? b : a);
        }
        Map<String, SeatFigures> figures = new TreeMap<>();
        latest.forEach((orgId, day) -> {
            SeatFigures close = figuresOf(day);
            figures.put(orgId, day.getDay().equals(billingDate) ? close : close.withPeaksAtClose());
        });
        return figures;
    }

    static SeatFigures figuresOf(OrgSeatDay day) {
        return new SeatFigures(day.getStandard(), day.getSupport(), day.getAdmins(), day.getOwners(),
                day.getBillableStandard(), day.getSupportOnly(), day.getTotalMembers(),
                day.getPeakBillableStandard(), day.getPeakTotalMembers());
    }
}
