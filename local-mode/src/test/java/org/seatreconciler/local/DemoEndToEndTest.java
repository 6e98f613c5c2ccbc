package org.seatreconciler.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.seatreconciler.local.pipeline.DefaultComponents;

/** {@code demo} with the real parts: the article's clinic (10 standard + 16 support) needs 13 seats. */
class DemoEndToEndTest {

    @TempDir
    Path dir;

    @Test
    void demoBillsTodayAndPrintsAShortSummary() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        ReconcilerCli cli = new ReconcilerCli(DefaultComponents.create(), dir,
                Clock.fixed(Instant.parse("2026-11-27T12:00:00Z"), ZoneOffset.UTC),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));

        int status = cli.execute("demo", "--out", "demo");

        assertThat(status).as(err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("""

                Demo for 2026-11-27 (UTC, END_OF_DAY):
                  harbour-dental   ENTERPRISE TRUE_UP    4 seats required,   4 invoiced:      21.33 USD
                  solo-physio      STARTER    TRUE_UP    2 seats required,   2 invoiced:       8.00 USD
                  sunrise-clinic   GROUP      TRUE_UP   13 seats required,  13 invoiced:      86.67 USD
                Events: 38 read, 33 applied, 1 duplicates ignored, 4 rejected {MALFORMED=2, SELF_ROLE_CHANGE=1, UNAUTHORIZED_ROLE_CHANGE=1}
                2026-11-27: 3 organisation(s), 3 invoice line(s), total 116.00 USD
                Files in %s: <date>/invoices.csv, <date>/seat-counts.csv, rejected-events.jsonl, run-summary.json
                """.formatted(dir.resolve("demo")));
        assertThat(dir.resolve("demo/2026-11-27/invoices.csv")).content(StandardCharsets.UTF_8)
                .contains("2026-11-27,sunrise-clinic,GROUP,TRUE_UP,END_OF_DAY,10,16,26,13,13,0,13,50.00,30,4,86.67,USD,"
                        + "20261127-sunrise-clinic-T\r\n");
    }
}
