package org.seatreconciler.batch.launch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;
import org.seatreconciler.batch.BillingRun;
import org.seatreconciler.batch.NightlyBilling;
import org.seatreconciler.schemas.settings.SeatsSettings;
import org.springframework.boot.DefaultApplicationArguments;

class BillingCommandRunnerTest {

    // Only the argument handling is exercised: a bad date never reaches the job.
    private final NightlyBilling billing = new NightlyBilling(null, null, null, null, null,
            Clock.fixed(Instant.parse("2026-10-03T00:30:00Z"), ZoneOffset.UTC),
            new SeatsSettings("mock://x", java.time.ZoneId.of("Pacific/Auckland"), null));

    @Test
    void aBadBillingDateIsAOneLineErrorAndExitCodeTwo() {
        String stderr = runWith("--billing-date=2026-13-01");

        assertThat(stderr).isEqualTo("Invalid --billing-date '2026-13-01': expected YYYY-MM-DD" + System.lineSeparator());
    }

    @Test
    void aMistypedOptionIsAOneLineErrorAndExitCodeTwoNotABillOfYesterday() {
        assertThat(runWith("--biling-date=2026-10-02")).isEqualTo("Unknown option --biling-date: expected "
                + "--billing-date=YYYY-MM-DD, --recover or a setting --<key>=<value> "
                + "(e.g. --seats.billing.seat-basis=DAILY_PEAK)" + System.lineSeparator());
        assertThat(runWith("--billing-date=2026-10-02", "2026-10-03")).isEqualTo("Unexpected argument '2026-10-03': "
                + "expected --billing-date=YYYY-MM-DD, --recover or a setting --<key>=<value> "
                + "(e.g. --seats.billing.seat-basis=DAILY_PEAK)" + System.lineSeparator());
    }

    @Test
    void settingsAndTheKnownOptionsAreAccepted() {
        // they pass the option check, so the error is the date's
        assertThat(runWith("--seats.billing.seat-basis=DAILY_PEAK", "--recover", "--debug", "--billing-date=2026-10-32"))
                .isEqualTo("Invalid --billing-date '2026-10-32': expected YYYY-MM-DD" + System.lineSeparator());
    }

    @Test
    void recoverRoutesToRecoverAndBillAndTheExitCodeIsZero() {
        java.util.List<String> calls = new java.util.ArrayList<>();
        NightlyBilling recording = new NightlyBilling(null, null, null, null, null,
                Clock.fixed(Instant.parse("2026-10-03T00:30:00Z"), ZoneOffset.UTC),
                new SeatsSettings("mock://x", ZoneOffset.UTC, null)) {
            @Override
            public BillingRun bill(LocalDate date) {
                calls.add("bill " + date);
                return run(date);
            }

            @Override
            public BillingRun recoverAndBill(LocalDate date) {
                calls.add("recoverAndBill " + date);
                return run(date);
            }
        };

        BillingCommandRunner plain = new BillingCommandRunner(recording);
        plain.run(new DefaultApplicationArguments("--billing-date=2026-10-02"));
        BillingCommandRunner recovering = new BillingCommandRunner(recording);
        recovering.run(new DefaultApplicationArguments("--billing-date=2026-10-02", "--recover"));

        assertThat(calls).containsExactly("bill 2026-10-02", "recoverAndBill 2026-10-02");
        assertThat(plain.getExitCode()).isZero();
        assertThat(recovering.getExitCode()).isZero();
    }

    private static BillingRun run(LocalDate date) {
        return new BillingRun(date, java.nio.file.Path.of("/out", date.toString()), false, false, 1, 1, 1,
                java.util.Map.of("USD", new java.math.BigDecimal("50.00")), java.util.List.of());
    }

    @Test
    void yesterdayIsInTheBillingZone() {
        // 00:30 UTC on 3 Oct is 13:30 on 3 Oct in Auckland: yesterday there is 2 Oct
        assertThat(billing.yesterday()).isEqualTo(java.time.LocalDate.of(2026, 10, 2));
    }

    private String runWith(String... args) {
        BillingCommandRunner runner = new BillingCommandRunner(billing);
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            runner.run(new DefaultApplicationArguments(args));
        } finally {
            System.setErr(original);
        }
        assertThat(runner.getExitCode()).isEqualTo(2);
        return captured.toString(StandardCharsets.UTF_8);
    }
}
