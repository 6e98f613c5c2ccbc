package org.seatreconciler.batch.input;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

import org.seatreconciler.avro.OrgSeatDay;
import org.seatreconciler.batch.billing.SeatFigures;

/**
 * Each organisation's daily figures for the billing dates {@code from .. to} of one run, kept from one
 * read of seats.org-daily (DESIGN.md section 6): for a date D, the latest record on or before D; its
 * peaks only if it is D's own record, else its close (nothing changed on D, so the close held all day).
 * Records are fed as they are read; per organisation only the days within the run and the latest day
 * before it are kept, so memory grows with the organisations and the days they changed within the run,
 * not with the history on the topic.
 */
public final class DailyHistory {

    private final LocalDate from;
    private final LocalDate to;
    private final BillingZoneCheck zoneCheck;
    private final Map<String, OrgDays> byOrg = new HashMap<>();

    public DailyHistory(LocalDate from, LocalDate to, ZoneId billingZone) {
        if (to.isBefore(from)) {
            throw new IllegalArgumentException(to + " is before " + from);
        }
        this.from = from;
        this.to = to;
        this.zoneCheck = new BillingZoneCheck(billingZone);
    }

    /**
     * Takes one record of seats.org-daily, in topic order: a record of a day already kept replaces it (same
     * organisation and day is the same key, so the same partition, and the streams app rewrites a day's
     * record as the day goes on).
     *
     * @throws BillingZoneCheck.BillingZoneMismatchException when the record was computed in another zone
     */
    public void add(OrgSeatDay day) {
        zoneCheck.check(day);
        if (day.getDay().isAfter(to)) {
            return;
        }
        byOrg.computeIfAbsent(day.getOrgId(), org -> new OrgDays()).put(day.getDay(), figuresOf(day), from);
    }

    /**
     * The figures of every organisation with a record on or before {@code date}, sorted by orgId.
     *
     * @param date within {@code from .. to}
     */
    public Map<String, SeatFigures> figures(LocalDate date) {
        if (date.isBefore(from) || date.isAfter(to)) {
            throw new IllegalArgumentException(date + " is outside " + from + " .. " + to);
        }
        Map<String, SeatFigures> figures = new TreeMap<>();
        byOrg.forEach((orgId, days) -> {
            int i = days.floor(date);
            if (i >= 0) {
                figures.put(orgId, days.dates[i].equals(date) ? days.figures[i] : days.figures[i].withPeaksAtClose());
            }
        });
        return figures;
    }

    static SeatFigures figuresOf(OrgSeatDay day) {
        return new SeatFigures(day.getStandard(), day.getSupport(), day.getAdmins(), day.getOwners(),
                day.getBillableStandard(), day.getSupportOnly(), day.getTotalMembers(),
                day.getPeakBillableStandard(), day.getPeakTotalMembers());
    }

    /** One organisation's kept days, sorted; usually one or two, hence arrays rather than a TreeMap each. */
    private static final class OrgDays {
        private LocalDate[] dates = new LocalDate[0];
        private SeatFigures[] figures = new SeatFigures[0];

        void put(LocalDate date, SeatFigures dayFigures, LocalDate from) {
            int i = Arrays.binarySearch(dates, date);
            if (i >= 0) {
                figures[i] = dayFigures;
            } else {
                int at = -i - 1;
                dates = insert(dates, at, date);
                figures = insert(figures, at, dayFigures);
            }
            // Of the days before the run only the latest matters.
            int before = 0;
            while (before < dates.length && dates[before].isBefore(from)) {
                before++;
            }
            if (before > 1) {
                dates = Arrays.copyOfRange(dates, before - 1, dates.length);
                figures = Arrays.copyOfRange(figures, before - 1, figures.length);
            }
        }

        /** The index of the latest day on or before {@code date}, or -1. */
        int floor(LocalDate date) {
            int i = Arrays.binarySearch(dates, date);
            return i >= 0 ? i : -i - 2;
        }

        private static <T> T[] insert(T[] array, int at, T value) {
            T[] longer = Arrays.copyOf(array, array.length + 1);
            System.arraycopy(array, at, longer, at + 1, array.length - at);
            longer[at] = value;
            return longer;
        }
    }
}
