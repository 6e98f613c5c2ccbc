package org.seatreconciler.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.seatreconciler.batch.billing.SeatBasis;
import org.seatreconciler.local.cli.ArgumentParser;
import org.seatreconciler.local.cli.Command;
import org.seatreconciler.local.pipeline.Components;
import org.seatreconciler.local.pipeline.DefaultComponents;

/** Bad arguments and bad input files: one exact line on stderr, exit 2, nothing written, nothing started. */
class ArgumentErrorsTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private ReconcilerCli cli;

    @BeforeEach
    void setUp() throws Exception {
        Files.writeString(dir.resolve("events.jsonl"), "");
        Files.writeString(dir.resolve("plans.csv"), "org_id,plan\nclinic-b,ENTERPRISE\n\n solo-c , PLATINUM \n");
        Components nothingMayStart = new Components(
                settings -> {
                    throw new AssertionError("the streams app must not start");
                },
                settings -> {
                    throw new AssertionError("the nightly job must not start");
                },
                DefaultComponents.planCodes(), Duration.ofSeconds(1));
        cli = new ReconcilerCli(nothingMayStart, dir, Clock.systemUTC(),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void missingEventsFile() {
        assertUsageError("reconciler: --events file " + dir.resolve("nope.jsonl") + " does not exist",
                "run", "--events", "nope.jsonl", "--from", "2026-09-30", "--out", "out");
    }

    @Test
    void previewAndJsonTakeNoValueAndExplainNeedsAnOrganisationAndADateAfterFrom() {
        assertUsageError("reconciler: --preview takes no value",
                "run", "--events", "events.jsonl", "--from", "2026-09-30", "--out", "out", "--preview=yes");
        assertUsageError("reconciler: --org is required", "explain", "--events", "events.jsonl", "--date", "2026-10-02");
        assertUsageError("reconciler: --from 2026-10-03 is after --date 2026-10-02", "explain", "--events",
                "events.jsonl", "--org", "clinic-a", "--date", "2026-10-02", "--from", "2026-10-03");
        assertUsageError("reconciler: unknown option '--out' for explain (try 'reconciler explain --help')",
                "explain", "--events", "events.jsonl", "--org", "clinic-a", "--date", "2026-10-02", "--out", "x");
        assertUsageError("reconciler: --json takes no value", "explain", "--events", "events.jsonl", "--org",
                "clinic-a", "--date", "2026-10-02", "--json=true");
    }

    @Test
    void badDate() {
        assertUsageError("reconciler: --from '2026-02-30' is not a date of the form YYYY-MM-DD",
                "run", "--events", "events.jsonl", "--from", "2026-02-30", "--out", "out");
    }

    @Test
    void toBeforeFrom() {
        assertUsageError("reconciler: --to 2026-09-29 is before --from 2026-09-30",
                "run", "--events", "events.jsonl", "--from", "2026-09-30", "--to", "2026-09-29", "--out", "out");
    }

    @Test
    void unknownSeatBasis() {
        assertUsageError("reconciler: unknown seat basis 'HOURLY' (expected one of END_OF_DAY, DAILY_PEAK)",
                "run", "--events", "events.jsonl", "--from", "2026-09-30", "--seat-basis", "HOURLY", "--out", "out");
    }

    @Test
    void unknownZone() {
        assertUsageError("reconciler: unknown zone 'Mars/Olympus' (expected e.g. UTC or Europe/Paris)",
                "run", "--events", "events.jsonl", "--from", "2026-09-30", "--zone", "Mars/Olympus", "--out", "out");
    }

    @Test
    void unknownPlanInPlansFileStopsBeforeAnythingStarts() {
        assertUsageError("reconciler: plans.csv line 4: org 'solo-c' has plan 'PLATINUM', which is not in the catalogue "
                        + "(GROUP, ENTERPRISE, STARTER)",
                "run", "--events", "events.jsonl", "--plans", "plans.csv", "--from", "2026-09-30", "--out", "out");
    }

    @Test
    void emptyOut() {
        assertUsageError("reconciler: --out is empty: name the output folder",
                "run", "--events", "events.jsonl", "--from", "2026-09-30", "--out=");
    }

    @Test
    void outThatCannotBeCreated() {
        assertUsageError("reconciler: --out " + dir.resolve("events.jsonl/out") + " cannot be created: "
                        + dir.resolve("events.jsonl") + " is not a folder",
                "run", "--events", "events.jsonl", "--from", "2026-09-30", "--out", "events.jsonl/out");
    }

    @Test
    void aRangeOfMoreThan400DatesIsRefusedUnlessRaised() {
        assertUsageError("reconciler: --from 2020-01-01 --to 2029-12-31 is 3653 dates, more than the limit of 400 "
                        + "(raise it with --max-dates)",
                "run", "--events", "events.jsonl", "--from", "2020-01-01", "--to", "2029-12-31", "--out", "out");
        err.reset();
        assertUsageError("reconciler: --from 2026-01-01 --to 2027-02-05 is 401 dates, more than the limit of 400 "
                        + "(raise it with --max-dates)",
                "run", "--events", "events.jsonl", "--from", "2026-01-01", "--to", "2027-02-05", "--out", "out");

        Command.Run run = (Command.Run) new ArgumentParser(dir).parse("run", "--events", "events.jsonl",
                "--from", "2020-01-01", "--to", "2029-12-31", "--max-dates", "4000", "--out", "out");
        assertThat(run.to()).isEqualTo(LocalDate.parse("2029-12-31"));
        Command.Run exactly400 = (Command.Run) new ArgumentParser(dir).parse("run", "--events", "events.jsonl",
                "--from", "2026-01-01", "--to", "2027-02-04", "--out", "out");
        assertThat(exactly400.from()).isEqualTo(LocalDate.parse("2026-01-01"));
    }

    @Test
    void unknownOption() {
        assertUsageError("reconciler: unknown option '--form' for run (try 'reconciler run --help')",
                "run", "--events", "events.jsonl", "--form", "2026-09-30", "--out", "out");
    }

    @Test
    void unknownCommand() {
        assertUsageError("reconciler: unknown command 'bill' (commands: run, explain, demo, publish, bench, help)", "bill", "--out", "out");
    }

    @Test
    void benchNeedsAPositiveCount() {
        assertUsageError("reconciler: --events '0' is not a positive whole number", "bench", "--events", "0");
    }

    @Test
    void missingRequiredOption() {
        assertUsageError("reconciler: --from is required", "run", "--events", "events.jsonl", "--out", "out");
    }

    @Test
    void optionWithoutValue() {
        assertUsageError("reconciler: --out needs a value", "run", "--events", "events.jsonl", "--from", "2026-09-30", "--out");
    }

    @Test
    void noCommand() {
        assertUsageError("reconciler: no command given (try 'reconciler --help')");
    }

    @Test
    void unknownDemoOption() {
        assertUsageError("reconciler: unknown option '--events' for demo (try 'reconciler demo --help')",
                "demo", "--events", "events.jsonl", "--out", "out");
    }

    @Test
    void helpForEachCommandGoesToStdoutWithStatusZero() {
        for (List<String> args : List.of(List.of("--help"), List.of("help"), List.of("run", "--help"), List.of("demo", "-h"))) {
            out.reset();
            assertThat(cli.execute(args.toArray(String[]::new))).isZero();
            assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("Usage: reconciler");
        }
        assertThat(err.size()).isZero();
    }

    private void assertUsageError(String expectedLine, String... args) {
        err.reset();
        out.reset();
        List<Path> before = listing();
        int status = cli.execute(args);
        assertThat(status).isEqualTo(ReconcilerCli.USAGE);
        assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo(expectedLine + System.lineSeparator());
        assertThat(out.size()).isZero();
        assertThat(listing()).isEqualTo(before);
        assertThat(dir.resolve("out")).doesNotExist();
    }

    private List<Path> listing() {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.sorted().toList();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
