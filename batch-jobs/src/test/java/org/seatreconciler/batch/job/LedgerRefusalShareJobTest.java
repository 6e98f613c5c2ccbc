package org.seatreconciler.batch.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.seatreconciler.batch.BillingFailedException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/**
 * Rows the ledger refuses count in the share of organisations not billed. On a ledger of an older version
 * (plan VARCHAR(64)), clinic-long is on a plan of the catalogue whose code has 100 characters: billable, but the
 * ledger refuses its rows. 1 of 4 organisations is more than 20%: the night fails, and the chunk that met the
 * refusal (clinic-long's partition of the step, with solo-c) is not committed; a restart fails the same way.
 */
@TestPropertySource(properties = {
        "spring.datasource.url=jdbc:h2:mem:${random.uuid};DB_CLOSE_DELAY=-1;"
                + "INIT=RUNSCRIPT FROM 'classpath:old-seat-ledger-schema.sql'",
        "seats.billing.max-not-billed-share=0.2",
        "seats.billing.plans.PPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPP"
                + ".support-ratio=1",
        "seats.billing.plans.PPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPP"
                + ".price=10.00",
        "seats.billing.plans.PPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPPP"
                + ".currency=USD" })
class LedgerRefusalShareJobTest extends BillingJobTestSupport {

    @Test
    void refusedRowsCountInTheShareAndFailTheNightPastIt() {
        publishWorkedExampleDays();
        publishDays(List.of(day("clinic-long", SEP_30, 2, 0, 1, 1, 2, 0, 2, 2, 2)));
        publishWorkedExamplePlans();
        publishPlans(Map.of("clinic-long", "P".repeat(100)));

        for (int attempt = 1; attempt <= 2; attempt++) {
            assertThatThrownBy(() -> billing.bill(SEP_30))
                    .as("attempt " + attempt)
                    .isInstanceOf(BillingFailedException.class)
                    .hasMessageStartingWith("Billing 2026-09-30 failed (FAILED): 1 of 4 organisations cannot be "
                            + "billed, more than seats.billing.max-not-billed-share (20%); first reasons: clinic-long: "
                            + "the ledger refused its rows: Value too long for column")
                    .hasMessageEndingWith("; chunks of this date committed before stay in the ledger, and a run of the "
                            + "date after the cause is fixed bills the others");
            assertThat(ledger()).containsExactly("20260930-clinic-a-T", "20260930-clinic-b-T");
            assertThat(JdbcClient.create(dataSource).sql("SELECT COUNT(*) FROM not_billed").query(Integer.class)
                    .single()).isZero();
        }
    }
}
