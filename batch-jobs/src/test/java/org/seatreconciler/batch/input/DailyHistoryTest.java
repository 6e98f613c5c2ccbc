package org.seatreconciler.batch.input;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.seatreconciler.avro.OrgSeatDay;
import org.seatreconciler.batch.billing.SeatFigures;

class DailyHistoryTest {

    private static final LocalDate NOV_1 = LocalDate.of(2026, 11, 1);
    private static final LocalDate NOV_2 = LocalDate.of(2026, 11, 2);
    private static final LocalDate NOV_3 = LocalDate.of(2026, 11, 3);
    private static final LocalDate NOV_4 = LocalDate.of(2026, 11, 4);
    private static final ZoneId UTC = ZoneId.of("UTC");

    @Test
    void keepsPerOrganisationTheLatestRecordOnOrBeforeTheDateWhateverOrderTheyArriveIn() {
        DailyHistory history = new DailyHistory(NOV_3, NOV_3, UTC);

        history.add(day("a", NOV_3, 5, 7));
        history.add(day("a", NOV_2, 4, 4)); // an earlier day from another partition, read later
        history.add(day("a", NOV_3, 6, 8)); // the day's record rewritten later the same day
        history.add(day("a", NOV_4, 9, 9)); // after the billing date
        history.add(day("b", NOV_1, 1, 1));
        history.add(day("b", NOV_2, 2, 3)); // no record on the date: its close, peaks at close
        history.add(day("c", NOV_4, 1, 1)); // nothing on or before the date: not considered

        assertThat(figures(history, NOV_3)).isEqualTo(Map.of(
                "a", new SeatFigures(6, 0, 0, 0, 6, 0, 6, 8, 8),
                "b", new SeatFigures(2, 0, 0, 0, 2, 0, 2, 2, 2)));
        assertThat(figures(history, NOV_3).keySet()).containsExactly("a", "b");
    }

    @Test
    void oneReadServesEveryDateOfARun() {
        DailyHistory history = new DailyHistory(NOV_2, NOV_4, UTC);
        history.add(day("a", NOV_1, 1, 1));
        history.add(day("a", NOV_3, 3, 5));
        history.add(day("b", NOV_4, 7, 9));
        history.add(day("a", NOV_2, 2, 4));

        assertThat(figures(history, NOV_2)).isEqualTo(Map.of("a", new SeatFigures(2, 0, 0, 0, 2, 0, 2, 4, 4)));
        assertThat(figures(history, NOV_3)).isEqualTo(Map.of("a", new SeatFigures(3, 0, 0, 0, 3, 0, 3, 5, 5)));
        assertThat(figures(history, NOV_4)).isEqualTo(Map.of(
                "a", new SeatFigures(3, 0, 0, 0, 3, 0, 3, 3, 3),
                "b", new SeatFigures(7, 0, 0, 0, 7, 0, 7, 9, 9)));
        assertThatThrownBy(() -> figures(history, NOV_1)).hasMessage("2026-11-01 is outside 2026-11-02 .. 2026-11-04");
    }

    @Test
    void aRecordOfAnotherBillingZoneFailsNamingBothZonesAndOldRecordsWithoutAZoneAreAccepted() {
        DailyHistory history = new DailyHistory(NOV_3, NOV_3, UTC);
        history.add(day("a", NOV_2, 1, 1)); // no zone: written before records carried one
        OrgSeatDay utc = day("a", NOV_3, 2, 2);
        utc.setBillingZone("Etc/UTC"); // the same calendar as UTC
        history.add(utc);
        OrgSeatDay paris = day("b", NOV_3, 2, 2);
        paris.setBillingZone("Europe/Paris");

        assertThatThrownBy(() -> history.add(paris)).hasMessage("seats.org-daily record b|2026-11-03 was computed in "
                + "billing zone Europe/Paris, but this job bills in UTC (seats.billing-zone): set the same zone in the "
                + "streams app and the nightly job");
        assertThat(figures(history, NOV_3)).containsOnlyKeys("a");
    }

    /** Every organisation with figures on {@code date}, in the order {@link DailyHistory#organisations} gives. */
    private static Map<String, SeatFigures> figures(DailyHistory history, LocalDate date) {
        Map<String, SeatFigures> figures = new LinkedHashMap<>();
        for (String org : history.organisations(date)) {
            figures.put(org, history.figures(org, date));
        }
        return figures;
    }

    /** close B = T = {@code close}, peaks B = T = {@code peak}. */
    static OrgSeatDay day(String orgId, LocalDate day, int close, int peak) {
        return OrgSeatDay.newBuilder().setOrgId(orgId).setDay(day).setStandard(close).setSupport(0).setAdmins(0)
                .setOwners(0).setBillableStandard(close).setSupportOnly(0).setTotalMembers(close)
                .setPeakBillableStandard(peak).setPeakTotalMembers(peak)
                .setLastChangedAt(day.atTime(18, 0).toInstant(ZoneOffset.UTC)).build();
    }
}
