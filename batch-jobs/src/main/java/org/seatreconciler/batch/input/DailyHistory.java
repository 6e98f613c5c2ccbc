package org.seatreconciler.batch.input;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

import org.seatreconciler.avro.OrgSeatDay;
import org.seatreconciler.batch.billing.SeatFigures;

/**
 * Each organisation's daily figures for the billing dates {@code from .. to} of one run, kept from one
 * read of seats.org-daily (DESIGN.md section 6): for a date D, the latest record on or before D; its
 * peaks only if it is D's own record, else its close (nothing changed on D, so the close held all day).
 * Records are fed as they are read; per organisation only the days within the run and the latest day
 * before it are kept, so memory grows with the organisations and the days they changed within the run,
 * not with the history on the topic. A day is kept as ten ints in one array per organisation (about 150
 * bytes an organisation with its id and map entry, against 240 as objects): a million organisations fit.
 */
public final class DailyHistory {

    /** The epoch day, then the nine figures in {@link SeatFigures}' order. */
    private static final int FIELDS = 10;

    private final LocalDate from;
    private final LocalDate to;
    private final BillingZoneCheck zoneCheck;
    private final Map<String, int[]> byOrg = new HashMap<>();

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
        byOrg.put(day.getOrgId(), put(byOrg.get(day.getOrgId()), day, (int) from.toEpochDay()));
    }

    /** The organisations with a record on or before {@code date}, sorted by org_id. */
    public String[] organisations(LocalDate date) {
        checkWithin(date);
        int day = (int) date.toEpochDay();
        String[] orgs = byOrg.entrySet().stream().filter(e -> floor(e.getValue(), day) >= 0).map(Map.Entry::getKey)
                .toArray(String[]::new);
        Arrays.parallelSort(orgs);
        return orgs;
    }

    /**
     * The figures {@code orgId} is billed from on {@code date}: its latest record on or before it, peaks at
     * close unless the record is the date's own; null when it has none.
     */
    public SeatFigures figures(String orgId, LocalDate date) {
        checkWithin(date);
        int[] days = byOrg.get(orgId);
        int i = days == null ? -1 : floor(days, (int) date.toEpochDay());
        if (i < 0) {
            return null;
        }
        int at = i * FIELDS;
        SeatFigures figures = new SeatFigures(days[at + 1], days[at + 2], days[at + 3], days[at + 4], days[at + 5],
                days[at + 6], days[at + 7], days[at + 8], days[at + 9]);
        return days[at] == date.toEpochDay() ? figures : figures.withPeaksAtClose();
    }

    /** The day of {@code orgId}'s latest record on or before {@code date}, or null when it has none. */
    public LocalDate latestDay(String orgId, LocalDate date) {
        int[] days = byOrg.get(orgId);
        int i = days == null ? -1 : floor(days, (int) date.toEpochDay());
        return i < 0 ? null : LocalDate.ofEpochDay(days[i * FIELDS]);
    }

    private void checkWithin(LocalDate date) {
        if (date.isBefore(from) || date.isAfter(to)) {
            throw new IllegalArgumentException(date + " is outside " + from + " .. " + to);
        }
    }

    /** {@code days} with {@code record}'s day put in order, and of the days before {@code from} only the latest. */
    private static int[] put(int[] days, OrgSeatDay record, int from) {
        int day = (int) record.getDay().toEpochDay();
        int[] fields = { day, record.getStandard(), record.getSupport(), record.getAdmins(), record.getOwners(),
                record.getBillableStandard(), record.getSupportOnly(), record.getTotalMembers(),
                record.getPeakBillableStandard(), record.getPeakTotalMembers() };
        if (days == null) {
            return fields;
        }
        int i = floor(days, day);
        if (i >= 0 && days[i * FIELDS] == day) {
            System.arraycopy(fields, 0, days, i * FIELDS, FIELDS);
            return days;
        }
        int at = (i + 1) * FIELDS;
        int[] longer = new int[days.length + FIELDS];
        System.arraycopy(days, 0, longer, 0, at);
        System.arraycopy(fields, 0, longer, at, FIELDS);
        System.arraycopy(days, at, longer, at + FIELDS, days.length - at);
        int before = 0;
        while (before * FIELDS < longer.length && longer[before * FIELDS] < from) {
            before++;
        }
        return before > 1 ? Arrays.copyOfRange(longer, (before - 1) * FIELDS, longer.length) : longer;
    }

    /** The index of the latest day on or before {@code day}, or -1. */
    private static int floor(int[] days, int day) {
        int i = -1;
        while ((i + 1) * FIELDS < days.length && days[(i + 1) * FIELDS] <= day) {
            i++;
        }
        return i;
    }
}
