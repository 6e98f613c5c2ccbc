package org.seatreconciler.batch.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.seatreconciler.avro.OrgSeatDay;
import org.seatreconciler.batch.BillingFailedException;
import org.seatreconciler.batch.BillingRun;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * One organisation never stops the night: among 1,000, one whose id the ledger cannot store (300
 * characters, against the identifier rule) is left out with its reason and the 999 others are billed;
 * when 2% cannot be billed the night fails naming the first reasons, and nothing of it is billed.
 */
@ExtendWith(OutputCaptureExtension.class)
class FaultToleranceJobTest extends BillingJobTestSupport {

    private static final LocalDate NOV_3 = LocalDate.of(2026, 11, 3);
    private static final LocalDate NOV_4 = LocalDate.of(2026, 11, 4);
    private static final String LONG_ID = "x".repeat(300);

    @Test
    void oneBadOrganisationAmongAThousandIsLeftOutAndTwoPercentFailTheNight(CapturedOutput output) throws Exception {
        List<OrgSeatDay> days = new ArrayList<>();
        for (int i = 0; i < 999; i++) {
            days.add(day(org(i), NOV_3, 2, 0, 1, 1, 2, 0, 2, 2, 2));
        }
        days.add(day(LONG_ID, NOV_3, 2, 0, 1, 1, 2, 0, 2, 2, 2));
        publishDays(days);

        BillingRun nov3 = bill(NOV_3);

        String reason = "org id is 300 characters long, more than 128";
        assertThat(nov3.invoiceLines()).isEqualTo(999);
        assertThat(nov3.organisations()).isEqualTo(999);
        assertThat(nov3.notBilled()).containsExactly("x".repeat(64) + "... (300 characters): " + reason);
        assertThat(Files.readString(nov3.folder().resolve("summary.json"))).endsWith("""
                  "notBilled": [
                    {"orgId": "%s... (300 characters)", "reason": "org id is 300 characters long, more than 128"}
                  ]
                }
                """.formatted("x".repeat(64)));
        assertThat(Files.readString(nov3.folder().resolve("seat-counts.csv"))).doesNotContain("xxx");
        assertThat(ledger()).hasSize(999).allMatch(id -> id.startsWith("20261103-org-"));
        // quiet: one line for the date, one for the organisation not billed, none per organisation billed
        assertThat(output.getAll().lines().filter(line -> line.contains("org-0"))).isEmpty();
        assertThat(output.getAll().lines().filter(line -> line.contains("Not billed on 2026-11-03"))).hasSize(1);
        assertThat(output.getAll().lines().filter(line -> line.contains("Billed 2026-11-03: 999 organisations, 999 "
                + "invoice lines"))).hasSize(1);

        // 19 organisations move to a plan that is not in the catalogue: with the bad id, 20 of 1000, 2% > 1%
        Map<String, String> gold = new TreeMap<>();
        for (int i = 0; i < 19; i++) {
            gold.put(org(i * 50), "GOLD");
        }
        publishPlans(gold);

        assertThatThrownBy(() -> billing.bill(NOV_4))
                .isInstanceOf(BillingFailedException.class)
                .hasMessage("Billing 2026-11-04 failed (FAILED): 20 of 1000 organisations cannot be billed, more than "
                        + "seats.billing.max-not-billed-share (1%); first reasons: org-0000: plan GOLD is not in the "
                        + "plan catalogue; org-0050: plan GOLD is not in the plan catalogue; org-0100: plan GOLD is not "
                        + "in the plan catalogue; nothing of this date was billed");
        assertThat(ledger()).hasSize(999);
        assertThat(Files.exists(files.folder(NOV_4))).isFalse();
    }

    private static String org(int i) {
        return String.format("org-%04d", i);
    }
}
