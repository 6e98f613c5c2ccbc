package org.seatreconciler.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.seatreconciler.local.pipeline.DefaultComponents;

/**
 * {@code run --preview} and {@code explain} with the real parts on the worked example: the preview writes the
 * files the run would (under preview/, summary saying so) and bills nothing; explain prints clinic-a's 2 October
 * with the events the streams app applied and rejected, read back from hr.membership-events.
 */
class PreviewAndExplainEndToEndTest {

    private static final List<String> DATES = List.of("2026-09-30", "2026-10-01", "2026-10-02");

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    /**
     * 37 dates, more than the nightly job computes in one run by default (35): the local run previews the range
     * it was asked for.
     */
    @Test
    void runPreviewWritesTheFilesTheRunWouldUnderPreview() throws Exception {
        Path example = resource("worked-example");

        int status = cli().execute("run", "--events", example.resolve("events.jsonl").toString(), "--plans",
                example.resolve("plans.csv").toString(), "--from", "2026-09-30", "--to", "2026-11-05", "--out", "out",
                "--preview");

        assertThat(status).as(err.toString(StandardCharsets.UTF_8)).isZero();
        Path result = dir.resolve("out");
        for (String date : DATES) {
            for (String file : List.of("invoices.csv", "seat-counts.csv", "reconciliation.csv", "review.csv")) {
                assertThat(result.resolve("preview").resolve(date).resolve(file)).as(date + "/" + file)
                        .hasBinaryContent(Files.readAllBytes(example.resolve("expected").resolve(date).resolve(file)));
            }
            assertThat(result.resolve("preview").resolve(date).resolve("summary.json")).content()
                    .contains("\"preview\": true");
        }
        assertThat(LongRangeEndToEndTest.dateFolders(result.resolve("preview")))
                .containsExactlyElementsOf(LongRangeEndToEndTest.allDates());
        assertThat(Files.readAllLines(result.resolve("preview/2026-11-01/invoices.csv")))
                .containsAll(LongRangeEndToEndTest.NOVEMBER_RENEWALS);
        try (Stream<Path> files = Files.list(result)) {
            assertThat(files.map(p -> p.getFileName().toString()).sorted())
                    .containsExactly("preview", "rejected-events.jsonl", "run-summary.json");
        }
        JsonNode summary = new ObjectMapper().readTree(result.resolve("run-summary.json").toFile());
        assertThat(summary.get("preview").asBoolean()).isTrue();
        assertThat(summary.at("/dates/2/renewalChange/USD").decimalValue()).isEqualByComparingTo("50.00");
        assertThat(out.toString(StandardCharsets.UTF_8)).contains(
                "2026-10-02 (preview, nothing billed): 3 organisation(s), 1 invoice line(s), total 48.39 USD; renewal "
                        + "change +50.00 USD; 0 to review\n",
                "Files in " + result + ": preview/<date>/invoices.csv");
    }

    @Test
    void explainPrintsClinicAsSecondOfOctoberAndOnlyThat() throws Exception {
        Path example = resource("worked-example");

        int status = cli().execute("explain", "--events", example.resolve("events.jsonl").toString(), "--plans",
                example.resolve("plans.csv").toString(), "--org", "clinic-a", "--date", "2026-10-02");

        // a new ledger from 1 October (the default --from): the RENEWAL of 13, then 1 seat more on the 2nd;
        // the input is one partition, the events in file order: ex-034 is offset 33
        assertThat(status).as(err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("""
                clinic-a on 2026-10-02: not billed yet: a preview from the figures known now, nothing billed
                Plan GROUP: 1 support seat included with each standard seat, 50.00 USD a seat a month; seat basis END_OF_DAY
                Figures at the close of the day: 11 standard, 16 support, 3 admins, 1 owners; B 13 billable standard \
                (STANDARD, admin or owner), P 14 support only, T 27 members
                Rule: S = max(B, ceil(T / (1 + r))) = max(13, ceil(27 / 2)) = max(13, 14) = 14 seats, 14 support seats included
                Bought before in October 2026: 13 seats (2026-10-01 RENEWAL 13)
                Line: TRUE_UP of 14 - 13 = 1 seat, prorated for 30 of 31 days (2026-10-02 .. 2026-10-31): \
                1 x 50.00 x 30 / 31 = 48.387096... -> 48.39 USD (rounded half up, once) (invoice 20261002-clinic-a-T)
                Month: 14 seats bought, 14 required, 0 unused; next renewal 14 seats against 13 renewed on 2026-10-01: \
                renewal change 1 -> 50.00 USD a month
                Membership events that changed its counts on 2026-10-02 (hr.membership-events partition 0 read up to \
                offset 42, 35 records of clinic-a):
                  33  2026-10-02T08:00:00Z  ex-034  ADMIN_CHANGED a-sup-00 admin=true: admins 1 -> 2, B 10 -> 11, P 16 -> 15
                  34  2026-10-02T08:01:00Z  ex-035  ADMIN_CHANGED a-sup-01 admin=true: admins 2 -> 3, B 11 -> 12, P 15 -> 14
                  37  2026-10-02T09:10:00Z  ex-038  ROLE_CHANGED a-sup-07 role=STANDARD by a-std-00: standard 10 -> 11, \
                support 16 -> 15, B 12 -> 13, P 14 -> 13
                  39  2026-10-02T12:00:00Z  ex-039  MEMBER_ADDED a-sup-16 role=SUPPORT: support 15 -> 16, P 13 -> 14, T 26 -> 27
                  40  2026-10-02T12:01:00Z  ex-040  MEMBER_ADDED a-sup-17 role=SUPPORT: support 16 -> 17, P 14 -> 15, T 27 -> 28
                  41  2026-10-02T15:00:00Z  ex-041  MEMBER_REMOVED a-sup-17: support 17 -> 16, P 15 -> 14, T 28 -> 27
                Other events of clinic-a on 2026-10-02:
                  35  2026-10-02T09:00:00Z  ex-036  ROLE_CHANGED a-sup-05 role=STANDARD by a-sup-05: rejected \
                SELF_ROLE_CHANGE: member a-sup-05 in org clinic-a cannot change their own role
                  36  2026-10-02T09:05:00Z  ex-037  ROLE_CHANGED a-sup-06 role=STANDARD by a-std-03: rejected \
                UNAUTHORIZED_ROLE_CHANGE: role change of member a-sup-06 in org clinic-a: actor a-std-03 is not an admin of the org
                  38  2026-10-02T09:10:00Z  ex-038  ROLE_CHANGED a-sup-07 role=STANDARD by a-std-00: a duplicate of offset 37, ignored
                """);
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).as("explain writes no file").isEmpty();
        }
    }

    private ReconcilerCli cli() {
        return new ReconcilerCli(DefaultComponents.create(), dir,
                Clock.fixed(Instant.parse("2026-10-03T08:00:00Z"), ZoneOffset.UTC),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private static Path resource(String name) throws URISyntaxException {
        return Path.of(PreviewAndExplainEndToEndTest.class.getClassLoader().getResource(name).toURI());
    }
}
