package org.seatreconciler.batch.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.PreparedStatement;

import org.junit.jupiter.api.Test;
import org.seatreconciler.batch.BillingFailedException;
import org.seatreconciler.batch.BillingRun;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A database error that is not the rows' fault: another connection holds clinic-b's seat snapshot row (an
 * uncommitted insert), so the night's insert of it times out waiting for the lock (H2 error 50200). That fails
 * the night, with no organisation left out as refused; once the lock is gone, a restart bills every
 * organisation and gives the worked example's files.
 */
class TransientLedgerErrorJobTest extends BillingJobTestSupport {

    @Test
    void aLockTimeoutFailsTheNightAndTheRestartBillsEveryOrganisation() throws Exception {
        publishWorkedExampleDays();
        publishWorkedExamplePlans();

        try (Connection blocker = dataSource.getConnection()) {
            blocker.setAutoCommit(false);
            try (PreparedStatement insert = blocker.prepareStatement("INSERT INTO seat_snapshot (billing_date, org_id,"
                    + " standard, support, admins, owners, billable_standard, support_only, total_members,"
                    + " peak_billable_standard, peak_total_members, plan) VALUES (?, 'clinic-b', 0, 0, 0, 0, 0, 0, 0,"
                    + " 0, 0, 'ENTERPRISE')")) {
                insert.setObject(1, SEP_30);
                insert.executeUpdate();
            }
            assertThatThrownBy(() -> billing.bill(SEP_30))
                    .isInstanceOf(BillingFailedException.class)
                    .hasMessageStartingWith("Billing 2026-09-30 failed (FAILED): ")
                    .hasMessageContaining("Timeout trying to lock table");
            blocker.rollback();
        }
        // clinic-a and solo-c are billed by the other partitions of the step; clinic-b is not refused
        assertThat(ledger()).containsExactly("20260930-clinic-a-T", "20260930-solo-c-T");
        assertThat(JdbcClient.create(dataSource).sql("SELECT COUNT(*) FROM not_billed").query(Integer.class).single())
                .isZero();

        BillingRun restarted = bill(SEP_30);

        assertThat(restarted.notBilled()).isEmpty();
        assertThat(ledger()).containsExactly("20260930-clinic-a-T", "20260930-clinic-b-T", "20260930-solo-c-T");
        assertFilesAreTheWorkedExample(restarted.folder(), SEP_30);
    }
}
