package org.seatreconciler.batch.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.seatreconciler.batch.billing.OrgBilling;
import org.seatreconciler.batch.billing.SeatFigures;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The same job with the job repository and the ledger on a real PostgreSQL whose ledger tables an older
 * version created (plan VARCHAR(64)): the batched insert-if-absent statements, and an organisation whose
 * row that ledger refuses, which PostgreSQL answers by aborting the statement's transaction (hence the
 * savepoints), leaving the others of its chunk billed.
 */
@TestPropertySource(properties = "seats.billing.max-not-billed-share=0.5")
class PostgresLedgerJobTest extends BillingJobTestSupport {

    private static final EmbeddedPostgres POSTGRES = EmbeddedLedger.start("old-seat-ledger-schema.sql");

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        EmbeddedLedger.register(registry, POSTGRES);
    }

    @AfterAll
    static void stop() throws IOException {
        POSTGRES.close();
    }

    @Test
    void billsTheWorkedExampleWithLedgerAndJobRepositoryOnPostgres() throws Exception {
        publishWorkedExampleDays();
        publishDays(List.of(day("clinic-long", SEP_30, 2, 0, 1, 1, 2, 0, 2, 2, 2)));
        publishWorkedExamplePlans();
        publishPlans(Map.of("clinic-long", "P".repeat(100)));

        assertFilesAreTheWorkedExample(bill(SEP_30).folder(), SEP_30);
        assertFilesAreTheWorkedExample(bill(OCT_1).folder(), OCT_1);
        assertFilesAreTheWorkedExample(bill(OCT_2).folder(), OCT_2);
        assertThat(bill(OCT_2).alreadyBilled()).isTrue();
        // not billable (its plan is unknown) before the ledger refused its rows: both said, the unknown plan first
        assertThat(bill(OCT_2).notBilled()).singleElement().asString().startsWith("clinic-long: plan PPP").contains(
                " is not in the plan catalogue; the ledger refused its rows: ERROR: value too long for type character "
                        + "varying(64)");

        JdbcClient jdbc = JdbcClient.create(dataSource);
        assertThat(jdbc.sql("SELECT current_setting('server_version_num')").query(String.class).single())
                .startsWith("17");
        assertThat(ledger()).hasSize(7);
        assertPagedReadsMatchTheLedger(SEP_30, OCT_1, OCT_2);
        assertThat(jdbc.sql("SELECT SUM(amount) FROM seat_ledger").query(java.math.BigDecimal.class).single())
                .isEqualByComparingTo("978.39");
        assertThat(jdbc.sql("SELECT data_type FROM information_schema.columns"
                + " WHERE table_name = 'seat_ledger' AND column_name = 'amount'").query(String.class).single())
                .isEqualTo("numeric");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM batch_job_instance").query(Long.class).single()).isEqualTo(3);

        // the terms columns the old table gained: empty for an organisation not billed (typed nulls on PostgreSQL)
        LocalDate oct3 = OCT_2.plusDays(1);
        ledgerRepository.record(List.of(new OrgBilling(oct3, "gold-p", new SeatFigures(2, 0, 1, 1, 2, 0, 2, 2, 2),
                "GOLD", null, Optional.empty(), "plan GOLD is not in the plan catalogue", true)));
        assertThat(ledgerRepository.snapshots(oct3)).singleElement().satisfies(s -> {
            assertThat(s.requirement()).isNull();
            assertThat(s.notBilledReason()).isEqualTo("plan GOLD is not in the plan catalogue");
        });
        assertCarriedForwardPastNightsNotBilled(LocalDate.of(2026, 11, 1));
    }
}
