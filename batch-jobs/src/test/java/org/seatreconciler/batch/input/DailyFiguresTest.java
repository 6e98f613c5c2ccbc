package org.seatreconciler.batch.input;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.seatreconciler.avro.OrgSeatDay;
import org.seatreconciler.batch.billing.SeatFigures;

class DailyFiguresTest {

    private static final LocalDate NOV_2 = LocalDate.of(2026, 11, 2);
    private static final LocalDate NOV_3 = LocalDate.of(2026, 11, 3);
    private static final LocalDate NOV_4 = LocalDate.of(2026, 11, 4);

    @Test
    void keepsPerOrganisationTheLatestRecordOnOrBeforeTheDateWhateverOrderTheyArriveIn() {
        DailyFigures figures = new DailyFigures(NOV_3);

        figures.add(day("a", NOV_3, 5, 7));
        figures.add(day("a", NOV_2, 4, 4)); // an earlier day from another partition, read later
        figures.add(day("a", NOV_3, 6, 8)); // the day's record rewritten later the same day
        figures.add(day("a", NOV_4, 9, 9)); // after the billing date
        figures.add(day("b", NOV_2, 2, 3)); // no record on the date: its close, peaks at close
        figures.add(day("c", NOV_4, 1, 1)); // nothing on or before the date: not considered

        assertThat(figures.figures()).isEqualTo(Map.of(
                "a", new SeatFigures(6, 0, 0, 0, 6, 0, 6, 8, 8),
                "b", new SeatFigures(2, 0, 0, 0, 2, 0, 2, 2, 2)));
        assertThat(figures.figures().keySet()).containsExactly("a", "b");
    }

    /** close B = T = {@code close}, peaks B = T = {@code peak}. */
    private static OrgSeatDay day(String orgId, LocalDate day, int close, int peak) {
        return OrgSeatDay.newBuilder().setOrgId(orgId).setDay(day).setStandard(close).setSupport(0).setAdmins(0)
                .setOwners(0).setBillableStandard(close).setSupportOnly(0).setTotalMembers(close)
                .setPeakBillableStandard(peak).setPeakTotalMembers(peak)
                .setLastChangedAt(day.atTime(18, 0).toInstant(ZoneOffset.UTC)).build();
    }
}
