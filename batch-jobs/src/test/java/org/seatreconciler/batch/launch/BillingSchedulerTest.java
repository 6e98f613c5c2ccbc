package org.seatreconciler.batch.launch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.seatreconciler.batch.BillingFailedException;
import org.seatreconciler.batch.BillingRun;
import org.seatreconciler.batch.NightlyBilling;

class BillingSchedulerTest {

    private static final LocalDate OCT_2 = LocalDate.of(2026, 10, 2);
    private static final LocalDate OCT_3 = LocalDate.of(2026, 10, 3);
    private static final LocalDate OCT_4 = LocalDate.of(2026, 10, 4);

    @Test
    void aTickBillsTheDatesInOrderAndStopsAtTheFirstFailure() {
        List<LocalDate> attempted = new ArrayList<>();
        NightlyBilling billing = new NightlyBilling(null, null, null, null, null, null, null) {
            @Override
            public List<LocalDate> datesToBill() {
                return List.of(OCT_2, OCT_3, OCT_4);
            }

            @Override
            public BillingRun bill(LocalDate date) {
                attempted.add(date);
                if (date.equals(OCT_3)) {
                    throw new BillingFailedException("Billing 2026-10-03 failed (FAILED): Kafka unreachable");
                }
                return new BillingRun(date, null, false, false, 0, 0, 0, Map.of(), List.of());
            }
        };

        new BillingScheduler(billing).billTheDayThatEnded();

        assertThat(attempted).containsExactly(OCT_2, OCT_3);
    }
}
