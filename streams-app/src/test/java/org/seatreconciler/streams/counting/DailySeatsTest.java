package org.seatreconciler.streams.counting;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

/** Day clamping and peak carry-over of DESIGN.md section 5. */
class DailySeatsTest {

    private static final LocalDate D1 = LocalDate.parse("2026-10-01");
    private static final LocalDate D2 = LocalDate.parse("2026-10-02");
    private static final Instant AT = Instant.parse("2026-10-02T10:00:00Z");

    @Test
    void anOrganisationsFirstDayStartsFromZeros() {
        DailySeats day = DailySeats.after(null, D1, figures(3, 5), AT);

        assertThat(day).isEqualTo(new DailySeats(D1, figures(3, 5), 3, 5, AT));
    }

    @Test
    void peaksWithinADayKeepTheHighest() {
        DailySeats up = DailySeats.after(null, D1, figures(3, 5), AT);
        DailySeats down = DailySeats.after(up, D1, figures(2, 4), AT.plusSeconds(60));

        assertThat(down.close()).isEqualTo(figures(2, 4));
        assertThat(down.peakBillableStandard()).isEqualTo(3);
        assertThat(down.peakTotalMembers()).isEqualTo(5);
        assertThat(down.lastChangedAt()).isEqualTo(AT.plusSeconds(60));
    }

    @Test
    void aNewDaysPeaksStartFromThePreviousClose() {
        DailySeats d1 = DailySeats.after(DailySeats.after(null, D1, figures(9, 9), AT), D1, figures(4, 6), AT);

        DailySeats d2 = DailySeats.after(d1, D2, figures(3, 5), AT);

        assertThat(d2).isEqualTo(new DailySeats(D2, figures(3, 5), 4, 6, AT));
    }

    @Test
    void aLateEventIsClampedToTheLatestDay() {
        DailySeats d2 = DailySeats.after(null, D2, figures(3, 5), AT);

        DailySeats late = DailySeats.after(d2, D1, figures(4, 7), AT);

        assertThat(late).isEqualTo(new DailySeats(D2, figures(4, 7), 4, 7, AT));
    }

    @Test
    void theDayIsTheDateInTheBillingZone() {
        Instant lateEvening = Instant.parse("2026-10-01T23:30:00Z");

        assertThat(DailySeats.dayOf(lateEvening, ZoneId.of("UTC"))).isEqualTo(D1);
        assertThat(DailySeats.dayOf(lateEvening, ZoneId.of("Europe/Berlin"))).isEqualTo(D2);
    }

    private static SeatFigures figures(int billableStandard, int total) {
        return new SeatFigures(billableStandard, total - billableStandard, 0, 0, billableStandard,
                total - billableStandard, total);
    }
}
