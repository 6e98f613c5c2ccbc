package org.seatreconciler.batch.input;

import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;

import org.seatreconciler.avro.OrgSeatDay;
import org.seatreconciler.batch.billing.SeatFigures;

/**
 * Picks each organisation's figures for a billing date from its daily records (DESIGN.md section 6):
 * the latest record on or before the date; its peaks only if it is the date's own record, else its
 * close (nothing changed on the date, so the close held all day). The records are fed one by one as
 * they are read and only the latest per organisation is kept, so memory grows with the organisations,
 * not with the days of history on the topic.
 */
public final class DailyFigures {

    private final LocalDate billingDate;
    private final Map<String, OrgSeatDay> latest = new TreeMap<>();

    public DailyFigures(LocalDate billingDate) {
        this.billingDate = billingDate;
    }

    /**
     * Takes one record of seats.org-daily, in topic order. A record of the same day as the kept one
     * replaces it: the same organisation and day is the same key, hence the same partition, and the
     * streams app rewrites a day's record as the day goes on.
     */
    public void add(OrgSeatDay day) {
        if (day.getDay().isAfter(billingDate)) {
            return;
        }
        latest.merge(day.getOrgId(), day, (kept, next) -> next.getDay().isBefore(kept.getDay()) ? kept : next);
    }

    /** Figures by orgId, sorted by orgId; organisations with no record on or before the date are absent. */
    public Map<String, SeatFigures> figures() {
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
