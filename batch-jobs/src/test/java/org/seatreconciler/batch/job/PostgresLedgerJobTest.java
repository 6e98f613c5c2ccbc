package org.seatreconciler.batch.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/** The same job with the job repository and the ledger on a real PostgreSQL. */
class PostgresLedgerJobTest extends BillingJobTestSupport {

    private static final EmbeddedPostgres POSTGRES = start();

    private static EmbeddedPostgres start() {
        try {
            return EmbeddedPostgres.builder().start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> POSTGRES.getJdbcUrl("postgres", "postgres"));
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.datasource.password", () -> "");
    }

    @AfterAll
    static void stop() throws IOException {
        POSTGRES.close();
    }

    @Test
    void billsTheWorkedExampleWithLedgerAndJobRepositoryOnPostgres() throws Exception {
        publishWorkedExampleDays();
        publishWorkedExamplePlans();

        assertFilesAreTheWorkedExample(bill(SEP_30).folder(), SEP_30);
        assertFilesAreTheWorkedExample(bill(OCT_1).folder(), OCT_1);
        assertFilesAreTheWorkedExample(bill(OCT_2).folder(), OCT_2);
        assertThat(bill(OCT_2).alreadyBilled()).isTrue();

        JdbcClient jdbc = JdbcClient.create(dataSource);
        assertThat(jdbc.sql("SELECT current_setting('server_version_num')").query(String.class).single())
                .startsWith("17");
        assertThat(ledger()).hasSize(7);
        assertThat(jdbc.sql("SELECT SUM(amount) FROM seat_ledger").query(java.math.BigDecimal.class).single())
                .isEqualByComparingTo("978.39");
        assertThat(jdbc.sql("SELECT data_type FROM information_schema.columns"
                + " WHERE table_name = 'seat_ledger' AND column_name = 'amount'").query(String.class).single())
                .isEqualTo("numeric");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM batch_job_instance").query(Long.class).single()).isEqualTo(3);
    }
}
