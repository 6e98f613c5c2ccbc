package org.seatreconciler.batch.launch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.seatreconciler.batch.BillingFailedException;
import org.seatreconciler.batch.BillingRun;
import org.seatreconciler.batch.NightlyBilling;
import org.seatreconciler.schemas.settings.SeatsSettings;

class BillingSchedulerTest {

    @Test
    void aTickAsksForYesterdayWhichCatchesUpEarlierDatesAndAFailureDoesNotStopTheScheduler() {
        List<LocalDate> asked = new ArrayList<>();
        NightlyBilling billing = new NightlyBilling(null, null, null, null, null,
                Clock.fixed(Instant.parse("2026-10-05T00:30:00Z"), ZoneOffset.UTC),
                new SeatsSettings("mock://x", ZoneOffset.UTC, null), null, null, null, 35) {
            @Override
            public List<BillingRun> bill(LocalDate date) {
                asked.add(date);
                throw new BillingFailedException("Billing 2026-10-03 failed (FAILED): Kafka unreachable");
            }
        };

        BillingScheduler scheduler = new BillingScheduler(billing);
        scheduler.billTheDayThatEnded();
        scheduler.billTheDayThatEnded();

        assertThat(asked).containsExactly(LocalDate.of(2026, 10, 4), LocalDate.of(2026, 10, 4));
    }
}
