package org.seatreconciler.batch.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;
import org.seatreconciler.batch.BillingFailedException;
import org.seatreconciler.batch.BillingRun;
import org.springframework.test.context.TestPropertySource;

/**
 * Misnamed topics: a missing input or daily topic fails the night with the setting to fix (so the
 * date can be billed once it is fixed); a missing plans topic bills everyone on the default plan.
 */
@TestPropertySource(properties = { "seats.topics.membership-events=m3.membership-events",
        "seats.topics.org-daily=m3.org-daily", "seats.topics.org-plans=m3.org-plans" })
class MissingTopicJobTest extends BillingJobTestSupport {

    @Test
    void aMissingTopicFailsTheNightNamingTheSettingAndAMissingPlansTopicMeansTheDefaultPlan() throws Exception {
        assertThatThrownBy(() -> billing.bill(SEP_30))
                .isInstanceOf(BillingFailedException.class)
                .hasMessage("Billing 2026-09-30 failed (FAILED): Topic m3.membership-events does not exist "
                        + "(setting seats.topics.membership-events, env SEATS_TOPICS_MEMBERSHIPEVENTS)");

        createTopic("m3.membership-events");
        assertThatThrownBy(() -> billing.bill(SEP_30))
                .isInstanceOf(BillingFailedException.class)
                .hasMessage("Billing 2026-09-30 failed (FAILED): Topic m3.org-daily does not exist "
                        + "(setting seats.topics.org-daily, env SEATS_TOPICS_ORGDAILY)");
        assertThat(ledger()).isEmpty();

        createTopic("m3.org-daily");
        publishDays("m3.org-daily", List.of(
                day("clinic-a", SEP_30, 10, 16, 1, 1, 10, 16, 26, 10, 26),
                day("clinic-b", SEP_30, 3, 1, 1, 1, 4, 0, 4, 4, 4),
                day("solo-c", SEP_30, 1, 2, 1, 1, 1, 2, 3, 1, 3)));
        BillingRun sep30 = bill(SEP_30);

        // m3.org-plans does not exist: every organisation on the default plan, GROUP (ratio 1, 50.00)
        assertThat(Files.readString(sep30.folder().resolve("invoices.csv"))).isEqualTo(String.join("\r\n",
                "billing_date,org_id,plan,line_type,seat_basis,billable_standard,support_only,total_members,"
                        + "required_seats,included_support_seats,purchased_before,seats_invoiced,unit_price,"
                        + "period_days,billed_days,amount,currency,invoice_id",
                "2026-09-30,clinic-a,GROUP,TRUE_UP,END_OF_DAY,10,16,26,13,13,0,13,50.00,30,1,21.67,USD,"
                        + "20260930-clinic-a-T",
                "2026-09-30,clinic-b,GROUP,TRUE_UP,END_OF_DAY,4,0,4,4,4,0,4,50.00,30,1,6.67,USD,"
                        + "20260930-clinic-b-T",
                "2026-09-30,solo-c,GROUP,TRUE_UP,END_OF_DAY,1,2,3,2,2,0,2,50.00,30,1,3.33,USD,"
                        + "20260930-solo-c-T",
                ""));
        assertThat(sep30.amounts()).isEqualTo(Map.of("USD", new java.math.BigDecimal("31.67")));
        assertThat(ledger()).containsExactly("20260930-clinic-a-T", "20260930-clinic-b-T", "20260930-solo-c-T");
    }

    private void createTopic(String name) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                broker.getBrokersAsString()))) {
            admin.createTopics(List.of(new NewTopic(name, 3, (short) 1))).all().get();
        }
    }
}
