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

/**
 * {@code demo} with the real parts: the article's clinic (10 standard + 16 support) needs 13 seats, the review
 * list, the revenue movement and the clinic's explanation follow the invoice lines.
 */
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
        // November has 30 days, the 27th bills 4 of them: 4 x 40.00 x 4/30 = 21.33, 24 x 50.00 x 4/30 = 160.00,
        // 2 x 30.00 x 4/30 = 8.00, 13 x 50.00 x 4/30 = 86.67; all new, so each renewal change is all its seats:
        // 160.00 + 1200.00 + 60.00 + 650.00 = 2070.00; metro-hospital's 24 new seats are above 20 (M)
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("""

                Demo for 2026-11-27 (UTC, END_OF_DAY):
                  harbour-dental   ENTERPRISE TRUE_UP    4 seats required,   4 invoiced:      21.33 USD
                  metro-hospital   GROUP      TRUE_UP   24 seats required,  24 invoiced:     160.00 USD
                  solo-physio      STARTER    TRUE_UP    2 seats required,   2 invoiced:       8.00 USD
                  sunrise-clinic   GROUP      TRUE_UP   13 seats required,  13 invoiced:      86.67 USD
                To review before sending (review.csv):
                  metro-hospital   SEAT_INCREASE 0 -> 24: TRUE_UP of 24 seats: 24 required against 0 bought before in \
                the month; a change of 24 is more than 20 seats and more than 50%% of 0
                Revenue movement at the next renewal (reconciliation.csv): +2070.00 USD a month
                Why sunrise-clinic is billed what it is (reconciler explain):
                  sunrise-clinic on 2026-11-27: billed (from the seat ledger)
                  Plan GROUP: 1 support seat included with each standard seat, 50.00 USD a seat a month; seat basis END_OF_DAY
                  Figures at the close of the day: 10 standard, 16 support, 1 admins, 1 owners; B 10 billable standard \
                (STANDARD, admin or owner), P 16 support only, T 26 members
                  Rule: S = max(B, ceil(T / (1 + r))) = max(10, ceil(26 / 2)) = max(10, 13) = 13 seats, 13 support seats included
                  Bought before in November 2026: 0 seats
                  Line: TRUE_UP of 13 - 0 = 13 seats, prorated for 4 of 30 days (2026-11-27 .. 2026-11-30): \
                13 x 50.00 x 4 / 30 = 86.666666... -> 86.67 USD (rounded half up, once) (invoice 20261127-sunrise-clinic-T)
                  Month: 13 seats bought, 13 required, 0 unused; next renewal 13 seats against 0 renewed on 2026-11-01: \
                renewal change 13 -> 650.00 USD a month
                  Membership events that changed its counts on 2026-11-27 (hr.membership-events partition 0 read up to \
                offset 60, 28 records of sunrise-clinic):
                    0  2026-11-27T08:00:00Z  demo-2026-11-27-001  MEMBER_ADDED s-std-00 role=STANDARD admin=true owner=true: \
                standard 0 -> 1, admins 0 -> 1, owners 0 -> 1, B 0 -> 1, T 0 -> 1
                    1  2026-11-27T08:01:00Z  demo-2026-11-27-002  MEMBER_ADDED s-std-01 role=STANDARD: standard 1 -> 2, B 1 -> 2, T 1 -> 2
                    2  2026-11-27T08:02:00Z  demo-2026-11-27-003  MEMBER_ADDED s-std-02 role=STANDARD: standard 2 -> 3, B 2 -> 3, T 2 -> 3
                    ... and 23 more
                  Other events of sunrise-clinic on 2026-11-27:
                    56  2026-11-27T12:00:00Z  demo-2026-11-27-057  ROLE_CHANGED s-sup-03 role=STANDARD by s-sup-03: rejected \
                SELF_ROLE_CHANGE: member s-sup-03 in org sunrise-clinic cannot change their own role
                    57  2026-11-27T12:01:00Z  demo-2026-11-27-058  ROLE_CHANGED s-sup-04 role=STANDARD by s-std-05: rejected \
                UNAUTHORIZED_ROLE_CHANGE: role change of member s-sup-04 in org sunrise-clinic: actor s-std-05 is not an admin of the org
                Events: 62 read, 57 applied, 1 duplicates ignored, 4 rejected {MALFORMED=2, SELF_ROLE_CHANGE=1, UNAUTHORIZED_ROLE_CHANGE=1}
                2026-11-27: 4 organisation(s), 4 invoice line(s), total 276.00 USD; renewal change +2070.00 USD; 1 to review
                Files in %s: <date>/invoices.csv, seat-counts.csv, reconciliation.csv, review.csv, summary.json, \
                manifest.sha256; rejected-events.jsonl, run-summary.json
                """.formatted(dir.resolve("demo")));
        assertThat(dir.resolve("demo/2026-11-27/invoices.csv")).content(StandardCharsets.UTF_8)
                .contains("2026-11-27,sunrise-clinic,GROUP,TRUE_UP,END_OF_DAY,10,16,26,13,13,0,13,50.00,30,4,86.67,USD,"
                        + "20261127-sunrise-clinic-T\r\n");
    }
}
