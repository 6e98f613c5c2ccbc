package org.seatreconciler.batch.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.seatreconciler.batch.BillingFailedException;
import org.seatreconciler.batch.BillingRun;
import org.seatreconciler.schemas.Topics;
import org.springframework.test.context.TestPropertySource;

@TestPropertySource(properties = { "seats.billing.seat-basis=DAILY_PEAK", "seats.billing.catch-up-timeout=2s",
        // one organisation of three is not billed: above the default 1%, which would fail the night
        "seats.billing.max-not-billed-share=0.5" })
class DailyPeakAndMissingPlanJobTest extends BillingJobTestSupport {

    private static final LocalDate NOV_3 = LocalDate.of(2026, 11, 3);
    private static final LocalDate NOV_4 = LocalDate.of(2026, 11, 4);

    @Test
    void billsThePeaksOfTheDayAndReportsAnOrganisationWhosePlanIsNotInTheCatalogue() throws Exception {
        publishDays(List.of(
                // peak B 13, peak T 30 on 3 Nov: S = max(13, 15) = 15, although the close gives 14
                day("clinic-a", NOV_3, 11, 16, 3, 1, 13, 14, 27, 13, 30),
                day("gold-d", NOV_3, 2, 0, 1, 1, 2, 0, 2, 2, 2),
                // a day after the billing date is not considered
                day("clinic-a", NOV_4, 11, 20, 3, 1, 13, 18, 31, 13, 31),
                // no record on 4 Nov: billed on its close of 3 Nov (peaks = close)
                day("solo-c", NOV_3, 1, 2, 1, 1, 1, 2, 3, 2, 5)));
        publishPlans(Map.of("gold-d", "GOLD", "solo-c", "STARTER"));
        publishPlans(Map.of("solo-c", "STARTER")); // the latest assignment wins (same value here)

        BillingRun nov3 = bill(NOV_3);

        assertThat(Files.readString(nov3.folder().resolve("invoices.csv"))).isEqualTo(String.join("\r\n",
                "billing_date,org_id,plan,line_type,seat_basis,billable_standard,support_only,total_members,"
                        + "required_seats,included_support_seats,purchased_before,seats_invoiced,unit_price,"
                        + "period_days,billed_days,amount,currency,invoice_id",
                // 15 x 50.00 x 28/30 = 700.00
                "2026-11-03,clinic-a,GROUP,TRUE_UP,DAILY_PEAK,13,17,30,15,15,0,15,50.00,30,28,700.00,USD,"
                        + "20261103-clinic-a-T",
                // peaks 2/5 on its own day: 5 x 30.00 x 28/30 = 140.00
                "2026-11-03,solo-c,STARTER,TRUE_UP,DAILY_PEAK,2,3,5,5,0,0,5,30.00,30,28,140.00,USD,"
                        + "20261103-solo-c-T",
                ""));
        assertThat(Files.readString(nov3.folder().resolve("seat-counts.csv"))).isEqualTo(String.join("\r\n",
                "billing_date,org_id,standard,support,admins,owners,billable_standard,support_only,total_members,"
                        + "peak_billable_standard,peak_total_members",
                "2026-11-03,clinic-a,11,16,3,1,13,14,27,13,30",
                "2026-11-03,gold-d,2,0,1,1,2,0,2,2,2",
                "2026-11-03,solo-c,1,2,1,1,1,2,3,2,5",
                ""));
        assertThat(nov3.notBilled()).containsExactly("gold-d: plan GOLD is not in the plan catalogue");
        assertThat(Files.readString(nov3.folder().resolve("summary.json"))).isEqualTo("""
                {
                  "billingDate": "2026-11-03",
                  "preview": false,
                  "organisations": 3,
                  "invoiceLines": 2,
                  "seatsInvoiced": 20,
                  "amounts": {"USD": "840.00"},
                  "renewalChange": {"USD": "900.00"},
                  "reviewRows": 0,
                  "notBilled": [
                    {"orgId": "gold-d", "reason": "plan GOLD is not in the plan catalogue"}
                  ]
                }
                """);
        // the figures the seats were computed from (the peaks); gold-d has no plan, so nothing is required of it;
        // renewal changes 15 x 50.00 = 750.00 and 5 x 30.00 = 150.00 (nothing renewed on 1 Nov)
        assertThat(Files.readString(nov3.folder().resolve("reconciliation.csv"))).endsWith("\r\n"
                + "2026-11-03,clinic-a,GROUP,13,17,30,15,15,0,15,15,USD,750.00\r\n"
                + "2026-11-03,gold-d,GOLD,2,0,2,,0,,,,,\r\n"
                + "2026-11-03,solo-c,STARTER,2,3,5,5,5,0,5,5,USD,150.00\r\n");
        assertManifestMatches(nov3.folder());

        BillingRun nov4 = bill(NOV_4);

        // clinic-a: peak T 31 -> S 16, one above the 15 bought: 1 x 50 x 27/30 = 45.00;
        // solo-c: no record on 4 Nov, so its close (T 3) is its peak: no rise above 5
        assertThat(Files.readString(nov4.folder().resolve("invoices.csv"))).endsWith(
                "\r\n2026-11-04,clinic-a,GROUP,TRUE_UP,DAILY_PEAK,13,18,31,16,16,15,1,50.00,30,27,45.00,USD,"
                        + "20261104-clinic-a-T\r\n");
        assertThat(nov4.invoiceLines()).isEqualTo(1);
        assertThat(Files.readString(nov4.folder().resolve("seat-counts.csv")))
                .contains("\r\n2026-11-04,solo-c,1,2,1,1,1,2,3,1,3\r\n");
        assertOneOrganisationReadsMatchTheWholeDate(NOV_3, NOV_4);

        // An event the streams app has not processed yet: the next night must not be billed.
        try (var producer = new KafkaProducer<>(Map.<String, Object>of("bootstrap.servers",
                broker.getBrokersAsString()), new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(Topics.MEMBERSHIP_EVENTS, 1, "clinic-a", "not yet processed")).get();
        }
        assertThatThrownBy(() -> billing.bill(LocalDate.of(2026, 11, 5)))
                .isInstanceOf(BillingFailedException.class)
                .hasMessage("Billing 2026-11-05 failed (FAILED): Streams application 'seat-reconciler-streams' has"
                        + " not caught up on hr.membership-events after PT2S: partition 1 lags by 1"
                        + " (no committed offset, end 1)");
        assertThat(Files.exists(nov4.folder().resolveSibling("2026-11-05"))).isFalse();
    }
}
