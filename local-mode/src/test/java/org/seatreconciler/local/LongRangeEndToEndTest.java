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
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.seatreconciler.local.pipeline.DefaultComponents;

/**
 * A local run over more dates than the nightly job catches up in one run by default (35,
 * seats.billing.max-catch-up-dates): the local run bills the whole range it was asked for (the preview of such a
 * range: {@link PreviewAndExplainEndToEndTest}).
 * The worked example from 30 September to 5 November 2026 is 37 dates (a run bills
 * the first, then catches up 36); 1 November renews every organisation.
 */
class LongRangeEndToEndTest {

    private static final LocalDate FROM = LocalDate.parse("2026-09-30");
    private static final LocalDate TO = LocalDate.parse("2026-11-05");
    static final List<String> NOVEMBER_RENEWALS = List.of(
            "2026-11-01,clinic-a,GROUP,RENEWAL,END_OF_DAY,13,14,27,14,14,0,14,50.00,30,30,700.00,USD,20261101-clinic-a-R");

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void runBillsAllThirtySevenDates() throws Exception {
        int status = run();

        assertThat(status).as(err.toString(StandardCharsets.UTF_8)).isZero();
        Path result = dir.resolve("out");
        assertThat(dateFolders(result)).containsExactlyElementsOf(allDates());
        assertThat(Files.readAllLines(result.resolve("2026-11-01/invoices.csv"))).containsAll(NOVEMBER_RENEWALS);
    }

    private int run(String... more) throws URISyntaxException {
        Path example = Path.of(LongRangeEndToEndTest.class.getClassLoader().getResource("worked-example").toURI());
        List<String> args = new java.util.ArrayList<>(List.of("run", "--events", example.resolve("events.jsonl").toString(),
                "--plans", example.resolve("plans.csv").toString(), "--from", FROM.toString(), "--to", TO.toString(),
                "--out", "out"));
        args.addAll(List.of(more));
        ReconcilerCli cli = new ReconcilerCli(DefaultComponents.create(), dir,
                Clock.fixed(Instant.parse("2026-11-06T08:00:00Z"), ZoneOffset.UTC),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return cli.execute(args.toArray(String[]::new));
    }

    static List<String> allDates() {
        List<String> dates = FROM.datesUntil(TO.plusDays(1)).map(LocalDate::toString).toList();
        assertThat(dates).hasSize(37);
        return dates;
    }

    static List<String> dateFolders(Path folder) throws Exception {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(Files::isDirectory).map(p -> p.getFileName().toString())
                    .filter(name -> name.matches("\\d{4}-\\d{2}-\\d{2}")).sorted().toList();
        }
    }
}
