package org.seatreconciler.batch.billing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BillingPeriodTest {

    @ParameterizedTest(name = "{0}: period {1} days, {2} billed")
    @CsvSource({
            "2026-02-01, 28, 28", // February of a common year, first day
            "2026-02-28, 28, 1",  // its last day
            "2026-02-15, 28, 14",
            "2028-02-01, 29, 29", // leap year
            "2028-02-29, 29, 1",
            "2028-02-28, 29, 2",
            "2026-09-30, 30, 1",  // 30-day month, last day
            "2026-09-01, 30, 30",
            "2026-10-01, 31, 31", // 31-day month, first day
            "2026-10-02, 31, 30",
            "2026-10-31, 31, 1",
            "2026-12-31, 31, 1",
    })
    void periodIsTheCalendarMonthAndBilledDaysIncludeTheDate(LocalDate date, int periodDays, int billedDays) {
        BillingPeriod period = BillingPeriod.containing(date);

        assertThat(period.periodDays()).isEqualTo(periodDays);
        assertThat(period.billedDays(date)).isEqualTo(billedDays);
        assertThat(period.start()).isEqualTo(date.withDayOfMonth(1));
        assertThat(period.end()).isEqualTo(date.withDayOfMonth(periodDays));
        assertThat(period.startsOn(date)).isEqualTo(date.getDayOfMonth() == 1);
    }
}
