package org.seatreconciler.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.seatreconciler.local.pipeline.DefaultComponents;

/**
 * {@code --zone} reaches both apps: the topology's days and the job's months are Paris days, so a
 * member who joins at 00:30 in Paris (22:30 UTC the day before) counts from the 1st of October.
 */
class BillingZoneEndToEndTest {

    private static final String HEADER = "billing_date,org_id,plan,line_type,seat_basis,billable_standard,support_only,"
            + "total_members,required_seats,included_support_seats,purchased_before,seats_invoiced,unit_price,period_days,"
            + "billed_days,amount,currency,invoice_id\r\n";

    @TempDir
    Path dir;

    @Test
    void daysAndMonthsAreThoseOfTheBillingZone() throws Exception {
        Files.writeString(dir.resolve("events.jsonl"), """
                {"eventId":"z-1","type":"MEMBER_ADDED","orgId":"paris","memberId":"p-1","role":"STANDARD","admin":true,"occurredAt":"2026-09-30T21:00:00Z"}
                {"eventId":"z-2","type":"MEMBER_ADDED","orgId":"paris","memberId":"p-2","role":"STANDARD","occurredAt":"2026-09-30T22:30:00Z"}
                """);
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        ReconcilerCli cli = new ReconcilerCli(DefaultComponents.create(), dir,
                Clock.fixed(Instant.parse("2026-10-02T08:00:00Z"), ZoneOffset.UTC),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));

        int status = cli.execute("run", "--events", "events.jsonl", "--from", "2026-09-30", "--to", "2026-10-01",
                "--zone", "Europe/Paris", "--out", "out");

        assertThat(status).as(err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(dir.resolve("out/2026-09-30/invoices.csv")).content(StandardCharsets.UTF_8).isEqualTo(HEADER
                + "2026-09-30,paris,GROUP,TRUE_UP,END_OF_DAY,1,0,1,1,1,0,1,50.00,30,1,1.67,USD,20260930-paris-T\r\n");
        assertThat(dir.resolve("out/2026-10-01/invoices.csv")).content(StandardCharsets.UTF_8).isEqualTo(HEADER
                + "2026-10-01,paris,GROUP,RENEWAL,END_OF_DAY,2,0,2,2,2,0,2,50.00,31,31,100.00,USD,20261001-paris-R\r\n");
    }
}
