package org.seatreconciler.batch.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.seatreconciler.batch.BillingFailedException;
import org.seatreconciler.batch.BillingRun;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The ledger's PostgreSQL drops the night's connection in the middle of a chunk (as a fail-over or an
 * operator's {@code pg_terminate_backend} does: SQLSTATE 57P01, then a closed connection): that fails the night
 * like any database outage, with no organisation left out as refused by the ledger, and a restart on a new
 * connection bills every organisation and writes the worked example's files.
 */
class PostgresConnectionLossJobTest extends BillingJobTestSupport {

    private static final EmbeddedPostgres POSTGRES = EmbeddedLedger.start();

    @DynamicPropertySource
    static void postgres(DynamicPropertyRegistry registry) {
        EmbeddedLedger.register(registry, POSTGRES);
    }

    @AfterAll
    static void stop() throws IOException {
        POSTGRES.close();
    }

    @Test
    void aConnectionDroppedMidChunkFailsTheNightAndTheRestartBillsEveryOrganisation() throws Exception {
        publishWorkedExampleDays();
        publishWorkedExamplePlans();
        // the first time clinic-b's seat snapshot is written, its connection is terminated by the server; a
        // sequence, unlike a table, keeps what the dying transaction took from it
        JdbcClient jdbc = JdbcClient.create(dataSource);
        jdbc.sql("CREATE SEQUENCE drop_once").update();
        jdbc.sql("""
                CREATE FUNCTION drop_connection_once() RETURNS trigger AS $$
                BEGIN
                  IF NEW.org_id = 'clinic-b' AND nextval('drop_once') = 1 THEN
                    PERFORM pg_terminate_backend(pg_backend_pid());
                  END IF;
                  RETURN NEW;
                END $$ LANGUAGE plpgsql""").update();
        jdbc.sql("CREATE TRIGGER drop_connection BEFORE INSERT ON seat_snapshot FOR EACH ROW"
                + " EXECUTE FUNCTION drop_connection_once()").update();

        assertThatThrownBy(() -> billing.bill(SEP_30))
                .isInstanceOf(BillingFailedException.class)
                // UNKNOWN when the rollback on the dead connection failed too, FAILED when the rollback came first:
                // the partitions run in parallel. Either way the reason names the connection.
                .message().matches("Billing 2026-09-30 failed \\((FAILED|UNKNOWN)\\): .*"
                        + "(terminating connection due to administrator command|Connection is closed).*");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM not_billed").query(Integer.class).single()).isZero();
        assertThat(ledger()).doesNotContain("20260930-clinic-b-T");

        BillingRun restarted = bill(SEP_30);

        assertThat(restarted.notBilled()).isEmpty();
        assertThat(ledger()).containsExactly("20260930-clinic-a-T", "20260930-clinic-b-T", "20260930-solo-c-T");
        assertFilesAreTheWorkedExample(restarted.folder(), SEP_30);
    }
}
