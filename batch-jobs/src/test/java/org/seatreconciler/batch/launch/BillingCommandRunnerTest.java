package org.seatreconciler.batch.launch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.seatreconciler.batch.BillingFailedException;
import org.seatreconciler.batch.BillingRun;
import org.seatreconciler.batch.NightlyBilling;
import org.seatreconciler.batch.explain.EventTrail;
import org.seatreconciler.batch.explain.Explainer;
import org.seatreconciler.batch.explain.Explanation;
import org.seatreconciler.batch.preview.BillingPreview;
import org.seatreconciler.batch.preview.PreviewRun;
import org.seatreconciler.batch.files.BillingSummary;
import org.seatreconciler.schemas.settings.SeatsSettings;
import org.springframework.boot.DefaultApplicationArguments;

class BillingCommandRunnerTest {

    private static final Clock OCT_3_0030_UTC = Clock.fixed(Instant.parse("2026-10-03T00:30:00Z"), ZoneOffset.UTC);
    private final List<LocalDate> asked = new ArrayList<>();

    /** Only the argument handling and the outcome are exercised: the job itself is stood in for. */
    private NightlyBilling billing(ZoneId zone, RuntimeException failure) {
        return new NightlyBilling(null, null, null, null, null, OCT_3_0030_UTC,
                new SeatsSettings("mock://x", zone, null), null, null, null, 35) {
            @Override
            public List<BillingRun> bill(LocalDate date) {
                asked.add(date);
                if (failure != null) {
                    throw failure;
                }
                return List.of(run(date.minusDays(1)), run(date));
            }
        };
    }

    @Test
    void aBadBillingDateIsAOneLineErrorAndExitCodeTwo() {
        assertThat(runWith(2, "--billing-date=2026-13-01").stderr())
                .isEqualTo("Invalid --billing-date '2026-13-01': expected YYYY-MM-DD" + System.lineSeparator());
        assertThat(asked).isEmpty();
    }

    @Test
    void aMistypedOptionIsAOneLineErrorAndExitCodeTwoNotABillOfYesterday() {
        assertThat(runWith(2, "--biling-date=2026-10-02").stderr()).isEqualTo("Unknown option --biling-date: expected "
                + "--billing-date=YYYY-MM-DD [--preview | --explain ORG [--json]] or a setting --<key>=<value> (e.g. "
                + "--seats.billing.seat-basis=DAILY_PEAK)" + System.lineSeparator());
        assertThat(runWith(2, "--billing-date=2026-10-02", "2026-10-03").stderr()).isEqualTo("Unexpected argument "
                + "'2026-10-03': expected --billing-date=YYYY-MM-DD [--preview | --explain ORG [--json]] or a setting "
                + "--<key>=<value> (e.g. --seats.billing.seat-basis=DAILY_PEAK)" + System.lineSeparator());
        assertThat(runWith(2, "--billing-date").stderr()).startsWith("--billing-date needs a value: expected");
        assertThat(runWith(2, "--billing-date=2026-10-02", "--billing-date", "2026-10-03").stderr())
                .isEqualTo("--billing-date is given more than once; give it once" + System.lineSeparator());
        assertThat(asked).isEmpty();
    }

    @Test
    void todayOrALaterDateIsNotBilledButRefusedAsAnArgumentError() {
        // the clock says 00:30 on 3 Oct in UTC: 3 Oct has not ended, 2 Oct has
        assertThat(runWith(2, "--billing-date=2026-10-03").stderr()).isEqualTo("Cannot bill 2026-10-03: the day has "
                + "not ended in the billing zone Z (today there is 2026-10-03); the latest date that can be billed is "
                + "2026-10-02" + System.lineSeparator());
        assertThat(runWith(2, "--billing-date=2026-11-15").stderr()).startsWith("Cannot bill 2026-11-15: the day has "
                + "not ended");
        assertThat(asked).isEmpty();
    }

    @Test
    void inABillingZoneAheadOfUtcTodayIsItsOwnDate() {
        // 00:30 UTC on 3 Oct is 13:30 on 3 Oct in Auckland; at 2 Oct 12:30 UTC it is already 3 Oct there
        BillingCommandRunner runner = runner(billing(ZoneId.of("Pacific/Auckland"), null));
        Outcome outcome = run(runner, "--billing-date=2026-10-03");

        assertThat(runner.getExitCode()).isEqualTo(2);
        assertThat(outcome.stderr()).isEqualTo("Cannot bill 2026-10-03: the day has not ended in the billing zone "
                + "Pacific/Auckland (today there is 2026-10-03); the latest date that can be billed is 2026-10-02"
                + System.lineSeparator());
        assertThat(asked).isEmpty();
    }

    @Test
    void aPreviewGoesUpToTodayAndAnExplanationLikewise() {
        assertThat(runWith(0, "--preview", "--billing-date=2026-10-03").stdout()).startsWith("Preview of 2026-10-03");
        assertThat(runWith(2, "--preview", "--billing-date=2026-10-04").stderr()).isEqualTo("Cannot preview 2026-10-04: "
                + "it is after today (2026-10-03) in the billing zone Z; a preview or an explanation goes up to today"
                + System.lineSeparator());
        assertThat(runWith(2, "--explain", "clinic-a", "--billing-date=2026-10-04").stderr()).isEqualTo("Cannot "
                + "explain 2026-10-04: it is after today (2026-10-03) in the billing zone Z; a preview or an "
                + "explanation goes up to today" + System.lineSeparator());
        assertThat(previewed).containsExactly(LocalDate.of(2026, 10, 3));
        assertThat(explained).isEmpty();
        assertThat(asked).isEmpty();
    }

    @Test
    void recoverIsGoneAndSaysWhy() {
        assertThat(runWith(2, "--billing-date=2026-10-02", "--recover").stderr()).isEqualTo("--recover is no longer "
                + "needed: a run killed mid-way is taken over by the next start once its lease expires "
                + "(seats.billing.lease-expiry); run without it" + System.lineSeparator());
    }

    @Test
    void settingsAndTheKnownOptionsAreAccepted() {
        // they pass the option check, so the error is the date's
        assertThat(runWith(2, "--seats.billing.seat-basis=DAILY_PEAK", "--debug", "--billing-date=2026-10-32").stderr())
                .isEqualTo("Invalid --billing-date '2026-10-32': expected YYYY-MM-DD" + System.lineSeparator());
    }

    @Test
    void everyDateBilledIsOneLineOnStdoutAndTheExitCodeIsZero() {
        Outcome outcome = runWith(0, "--billing-date=2026-10-02");

        assertThat(asked).containsExactly(LocalDate.of(2026, 10, 2));
        assertThat(outcome.stdout()).isEqualTo(
                "Billed 2026-10-01: 1 organisations, 1 invoice lines, 1 seats, amounts {USD=50.00} -> /out/2026-10-01"
                        + System.lineSeparator()
                        + "Billed 2026-10-02: 1 organisations, 1 invoice lines, 1 seats, amounts {USD=50.00} -> "
                        + "/out/2026-10-02" + System.lineSeparator());
    }

    @Test
    void aFailureOrARefusalIsItsOneLineAndExitCodeOne() {
        BillingCommandRunner runner = runner(billing(ZoneOffset.UTC,
                new BillingFailedException("Another billing process (h/1/x) holds the billing lease for 100 s more")));
        Outcome outcome = run(runner, "--billing-date=2026-10-02");

        assertThat(runner.getExitCode()).isEqualTo(1);
        assertThat(outcome.stderr()).isEqualTo("Another billing process (h/1/x) holds the billing lease for 100 s more"
                + System.lineSeparator());
    }

    @Test
    void withoutADateItBillsYesterdayInTheBillingZone() {
        // 00:30 UTC on 3 Oct is 13:30 on 3 Oct in Auckland: yesterday there is 2 Oct
        BillingCommandRunner runner = runner(billing(ZoneId.of("Pacific/Auckland"), null));
        run(runner);

        assertThat(asked).containsExactly(LocalDate.of(2026, 10, 2));
        assertThat(runner.getExitCode()).isZero();
    }

    @Test
    void previewAndDryRunWriteThePreviewAndBillNothing() {
        for (String flag : List.of("--preview", "--dry-run")) {
            Outcome outcome = runWith(0, flag, "--billing-date", "2026-10-02");

            assertThat(outcome.stdout()).isEqualTo("Preview of 2026-10-02 (nothing billed): 1 organisations, 1 invoice "
                    + "lines, 1 seats, amounts {USD=50.00} -> /out/preview/2026-10-02" + System.lineSeparator());
        }
        assertThat(previewed).containsExactly(LocalDate.of(2026, 10, 2), LocalDate.of(2026, 10, 2));
        assertThat(asked).isEmpty();
    }

    @Test
    void aCommandThatOutgrowsTheHeapIsOneLineSayingSoAndExitCodeThree() {
        assertThat(runWith(3, "--preview", "--billing-date=2026-10-01").stderr()).isEqualTo("Out of memory while "
                + "previewing 2026-10-01 (a preview of a date after the day after the latest billed one holds every "
                + "organisation of the dates in between in memory): the JVM's heap is at most "
                + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MB; run it again with a larger -Xmx"
                + System.lineSeparator());
        assertThat(previewed).containsExactly(LocalDate.of(2026, 10, 1));
    }

    @Test
    void explainTakesTheOrganisationAfterASpaceOrAnEqualsSignAndJsonOnlyWithIt() {
        assertThat(runWith(0, "--explain=clinic-a", "--billing-date=2026-10-02").stdout()).isEqualTo("""
                clinic-a on 2026-10-02: billed (from the seat ledger)
                Not billed: org id "=x" is not valid
                Membership events not read: Topic hr.membership-events does not exist
                """);
        assertThat(runWith(0, "--explain", "clinic-a", "--billing-date", "2026-10-02", "--json").stdout())
                .startsWith("{").contains("\"orgId\" : \"clinic-a\"", "\"notBilled\" : \"org id \\\"=x\\\" is not valid\"");
        assertThat(runWith(1, "--explain", "nobody", "--billing-date", "2026-10-02").stderr())
                .isEqualTo("No figures for nobody" + System.lineSeparator());
        assertThat(explained).containsExactly("clinic-a 2026-10-02", "clinic-a 2026-10-02", "nobody 2026-10-02");
        assertThat(runWith(2, "--explain").stderr()).startsWith("--explain needs a value: expected");
        assertThat(runWith(2, "--json", "--billing-date=2026-10-02").stderr())
                .isEqualTo("--json goes with --explain ORG" + System.lineSeparator());
        assertThat(runWith(2, "--preview", "--explain", "clinic-a").stderr()).isEqualTo("--preview and --explain do "
                + "not go together: --explain of a date not billed yet explains its preview by itself"
                + System.lineSeparator());
        assertThat(runWith(2, "--preview=yes").stderr()).startsWith("--preview takes no value: expected");
        assertThat(asked).isEmpty();
    }

    private final List<LocalDate> previewed = new ArrayList<>();
    private final List<String> explained = new ArrayList<>();
    private final List<String> checked = new ArrayList<>();

    /** The preview and the explainer stood in for too: they record what they were asked. */
    private BillingCommandRunner runner(NightlyBilling billing) {
        BillingPreview preview = new BillingPreview(null, null, null, null, null, null, null, () -> 0, 35) {
            @Override
            public List<PreviewRun> preview(LocalDate from, LocalDate to) {
                previewed.add(to);
                if (to.getDayOfMonth() == 1) {
                    throw new OutOfMemoryError("Java heap space");
                }
                return List.of(new PreviewRun(to, Path.of("/out/preview", to.toString()), run(to).summary(), List.of(),
                        0));
            }
        };
        Explainer explainer = new Explainer(null, null, null, null, null, ZoneOffset.UTC) {
            @Override
            public Explanation explain(String orgId, LocalDate date, LocalDate from) {
                explained.add(orgId + " " + date);
                if (orgId.equals("nobody")) {
                    throw new BillingFailedException("No figures for nobody");
                }
                return new Explanation(orgId, date, true, null, "org id \"=x\" is not valid", null, List.of(), null,
                        EventTrail.unavailable("hr.membership-events", "Topic hr.membership-events does not exist"));
            }
        };
        SchemaCheck schema = new SchemaCheck(null, "jdbc:h2:mem:x", "BATCH_") {
            @Override
            public void requireCurrent(String command) {
                checked.add(command);
            }
        };
        return new BillingCommandRunner(billing, preview, explainer, schema, new OutsideFailure("jdbc:h2:mem:x", "mock://x"));
    }

    private static BillingRun run(LocalDate date) {
        return new BillingRun(date, Path.of("/out", date.toString()), false, List.of(), new BillingSummary(date,
                false, 1, 1, 1, Map.of("USD", new BigDecimal("50.00")), Map.of(), 0, List.of()));
    }

    private record Outcome(String stdout, String stderr) {
    }

    private Outcome runWith(int exitCode, String... args) {
        BillingCommandRunner runner = runner(billing(ZoneOffset.UTC, null));
        Outcome outcome = run(runner, args);
        assertThat(runner.getExitCode()).isEqualTo(exitCode);
        return outcome;
    }

    private static Outcome run(BillingCommandRunner runner, String... args) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        System.setOut(new PrintStream(stdout, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(stderr, true, StandardCharsets.UTF_8));
        try {
            runner.run(new DefaultApplicationArguments(args));
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
        return new Outcome(stdout.toString(StandardCharsets.UTF_8), stderr.toString(StandardCharsets.UTF_8));
    }
}
