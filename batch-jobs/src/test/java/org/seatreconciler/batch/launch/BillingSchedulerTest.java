package org.seatreconciler.batch.launch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledFuture;

import org.junit.jupiter.api.Test;
import org.seatreconciler.batch.BillingFailedException;
import org.seatreconciler.batch.BillingRun;
import org.seatreconciler.batch.NightlyBilling;
import org.seatreconciler.batch.config.BillingProperties;
import org.seatreconciler.schemas.settings.SeatsSettings;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

class BillingSchedulerTest {

    private final List<LocalDate> asked = new ArrayList<>();
    private final List<RuntimeException> failures = new ArrayList<>();
    private final List<Instant> retries = new ArrayList<>();

    private final NightlyBilling billing = new NightlyBilling(null, null, null, null, null,
            Clock.fixed(Instant.parse("2026-10-05T00:30:00Z"), ZoneOffset.UTC),
            new SeatsSettings("mock://x", ZoneOffset.UTC, null), null, null, null, 35) {
        @Override
        public List<BillingRun> bill(LocalDate date) {
            asked.add(date);
            if (!failures.isEmpty()) {
                throw failures.remove(0);
            }
            return List.of();
        }
    };

    /** Records what is scheduled instead of running it. */
    private final ThreadPoolTaskScheduler taskScheduler = new ThreadPoolTaskScheduler() {
        @Override
        public ScheduledFuture<?> schedule(Runnable task, Instant startTime) {
            retries.add(startTime);
            return null;
        }
    };

    private final BillingScheduler scheduler = new BillingScheduler(billing, taskScheduler, properties("30s"));

    @Test
    void aTickAsksForYesterdayWhichCatchesUpEarlierDatesAndAFailureDoesNotStopTheScheduler() {
        failures.add(new BillingFailedException("Billing 2026-10-03 failed (FAILED): Kafka unreachable"));
        failures.add(new IllegalStateException("not foreseen"));

        scheduler.billTheDayThatEnded();
        scheduler.billTheDayThatEnded();

        assertThat(asked).containsExactly(LocalDate.of(2026, 10, 4), LocalDate.of(2026, 10, 4));
    }

    @Test
    void atStartupItCatchesUpOnceBeforeTheCronFires() {
        assertThat(stderrOf(() -> scheduler.run(new DefaultApplicationArguments("--seats.billing.max-catch-up-dates=60"))))
                .isEmpty();

        assertThat(asked).containsExactly(LocalDate.of(2026, 10, 4));
        assertThat(scheduler.refusedArguments()).isFalse();
        assertThat(retries).isEmpty();
    }

    @Test
    void aStartupRefusedByALiveLeaseIsTriedAgainAfterTheLeaseExpiry() {
        failures.add(new BillingFailedException("Another billing process (h/1/x) holds the billing lease for 80 s more",
                leaseUnavailable()));
        Instant before = Instant.now();

        scheduler.run(new DefaultApplicationArguments());

        assertThat(asked).containsExactly(LocalDate.of(2026, 10, 4));
        assertThat(retries).singleElement().satisfies(at -> assertThat(at)
                .isBetween(before.plus(Duration.ofSeconds(31)), Instant.now().plus(Duration.ofSeconds(31))));
    }

    @Test
    void oneShotAndUnknownOptionsAreRefusedInOneLineAndNothingIsBilled() {
        assertThat(stderrOf(() -> scheduler.run(new DefaultApplicationArguments("--billing-date=2026-10-02"))))
                .isEqualTo("--billing-date, --preview and --explain are one-shot options and do not go with "
                        + "seats.billing.schedule.enabled=true: the scheduler bills yesterday at startup and then the "
                        + "day that just ended on its cron; run them as a one-shot command" + System.lineSeparator());
        assertThat(scheduler.refusedArguments()).isTrue();
        assertThat(stderrOf(() -> new BillingScheduler(billing, taskScheduler, properties("30s"))
                .run(new DefaultApplicationArguments("--max-catch-up-dates=60")))).startsWith("Unknown option "
                        + "--max-catch-up-dates: expected");

        scheduler.billTheDayThatEnded();
        assertThat(asked).isEmpty();
    }

    private static BillingProperties properties(String leaseExpiry) {
        return new Binder(new MapConfigurationPropertySource(java.util.Map.of("seats.billing.lease-expiry",
                leaseExpiry))).bind("seats.billing", Bindable.of(BillingProperties.class)).get();
    }

    /** A lease refusal as BillingLease throws it (its constructor is the lease's own). */
    private static RuntimeException leaseUnavailable() {
        try {
            var constructor = org.seatreconciler.batch.lease.BillingLease.LeaseUnavailableException.class
                    .getDeclaredConstructor(String.class);
            constructor.setAccessible(true);
            return constructor.newInstance("held");
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String stderrOf(Runnable action) {
        PrintStream err = System.err;
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        System.setErr(new PrintStream(stderr, true, StandardCharsets.UTF_8));
        try {
            action.run();
        } finally {
            System.setErr(err);
        }
        return stderr.toString(StandardCharsets.UTF_8);
    }
}
