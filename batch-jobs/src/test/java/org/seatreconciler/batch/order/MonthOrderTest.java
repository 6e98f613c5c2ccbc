package org.seatreconciler.batch.order;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;

class MonthOrderTest {

    private static final LocalDate OCT_1 = LocalDate.of(2026, 10, 1);
    private static final LocalDate OCT_2 = LocalDate.of(2026, 10, 2);
    private static final LocalDate OCT_3 = LocalDate.of(2026, 10, 3);
    private static final LocalDate OCT_4 = LocalDate.of(2026, 10, 4);
    private static final LocalDate OCT_5 = LocalDate.of(2026, 10, 5);

    private final Map<LocalDate, BatchStatus> runs = new HashMap<>();
    private final MonthOrder order = new MonthOrder(runs::get);

    @Test
    void aDateIsRefusedWhenALaterDateOfItsMonthHasRun() {
        runs.put(OCT_2, BatchStatus.COMPLETED);

        assertThat(order.refusal(OCT_1)).contains("Cannot bill 2026-10-01: 2026-10-02, a later date of the same "
                + "month, is already billed (COMPLETED); dates of a month are billed in order, and 2026-10-02 "
                + "counted these seats");

        runs.put(OCT_2, BatchStatus.FAILED);
        assertThat(order.refusal(OCT_1)).contains("Cannot bill 2026-10-01: 2026-10-02, a later date of the same "
                + "month, has already run (FAILED); dates of a month are billed in order, and 2026-10-02 "
                + "may have counted these seats");
    }

    @Test
    void aDateIsRefusedWhenAnEarlierDateOfItsMonthRanWithoutCompleting() {
        runs.put(OCT_1, BatchStatus.FAILED);

        assertThat(order.refusal(OCT_2)).contains("Cannot bill 2026-10-02: 2026-10-01, an earlier date of the "
                + "same month, has not completed (FAILED); dates of a month are billed in order: bill 2026-10-01 "
                + "first (--billing-date=2026-10-01, with --recover if a killed run left it STARTED)");
    }

    @Test
    void datesNeverRunOtherMonthsARestartAndACompletedDateAreAllowed() {
        assertThat(order.refusal(OCT_3)).isEmpty();
        runs.put(LocalDate.of(2026, 9, 30), BatchStatus.FAILED);
        runs.put(LocalDate.of(2026, 11, 1), BatchStatus.COMPLETED);
        runs.put(OCT_3, BatchStatus.FAILED);
        assertThat(order.refusal(OCT_3)).isEmpty(); // the restart of the failed date itself
        assertThat(order.refusal(OCT_1)).hasValueSatisfying(m -> m.startsWith("Cannot bill 2026-10-01: 2026-10-03"));

        runs.put(OCT_3, BatchStatus.COMPLETED);
        runs.put(OCT_4, BatchStatus.COMPLETED);
        assertThat(order.refusal(OCT_3)).isEmpty(); // already billed: reported as such, nothing changes
    }

    @Test
    void theSchedulerBillsTheFailedDateOfTheMonthFirstThenEveryLaterDateThroughYesterday() {
        runs.put(OCT_1, BatchStatus.COMPLETED);
        runs.put(OCT_2, BatchStatus.FAILED);

        assertThat(order.catchUp(OCT_4)).containsExactly(OCT_2, OCT_3, OCT_4);
    }

    @Test
    void theSchedulerBillsTheNightsItMissedAfterTheMonthsLatestRun() {
        runs.put(OCT_1, BatchStatus.COMPLETED);
        runs.put(OCT_2, BatchStatus.COMPLETED);

        assertThat(order.catchUp(OCT_5)).containsExactly(OCT_3, OCT_4, OCT_5);
        runs.put(OCT_5, BatchStatus.COMPLETED);
        assertThat(order.catchUp(OCT_5)).isEmpty();
    }

    @Test
    void theSchedulerLeavesTheDaysBeforeTheFirstRunAlone() {
        assertThat(order.catchUp(OCT_3)).containsExactly(OCT_3);
        assertThat(order.catchUp(LocalDate.of(2026, 10, 31))).containsExactly(LocalDate.of(2026, 10, 31));
    }

    @Test
    void aFailedOrMissedEndOfTheMonthIsCaughtUpWhenTheMonthTurns() {
        runs.put(LocalDate.of(2026, 9, 28), BatchStatus.COMPLETED);
        runs.put(LocalDate.of(2026, 9, 29), BatchStatus.FAILED);

        assertThat(order.catchUp(OCT_1)).containsExactly(LocalDate.of(2026, 9, 29), LocalDate.of(2026, 9, 30), OCT_1);

        runs.put(LocalDate.of(2026, 9, 29), BatchStatus.COMPLETED);
        runs.put(LocalDate.of(2026, 9, 30), BatchStatus.COMPLETED);
        assertThat(order.catchUp(OCT_2)).containsExactly(OCT_2);
    }
}
