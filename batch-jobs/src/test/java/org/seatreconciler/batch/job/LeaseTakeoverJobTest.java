package org.seatreconciler.batch.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDateTime;

import org.junit.jupiter.api.Test;
import org.seatreconciler.batch.BillingFailedException;
import org.seatreconciler.batch.BillingRun;
import org.seatreconciler.batch.lease.BillingLease;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What a process killed mid-run leaves behind, in the job's database: its execution marked STARTED and its
 * lease. While the lease is live a start refuses and bills nothing; once it has expired the next start takes
 * the run over with no flag. (The same with a real SIGKILLed child JVM on PostgreSQL: system-tests'
 * KilledBillingProcessIT.)
 */
class LeaseTakeoverJobTest extends BillingJobTestSupport {

    @Autowired
    BillingLease lease;

    @Test
    void aRunLeftByAKilledProcessIsRefusedWhileItsLeaseLivesAndTakenOverOnceItExpires() throws Exception {
        publishWorkedExampleDays();
        publishWorkedExamplePlans();
        JobExecution killed = killedRun(SEP_30, LocalDateTime.of(2026, 10, 1, 0, 30));
        JdbcClient jdbc = JdbcClient.create(dataSource);
        jdbc.sql("INSERT INTO billing_lease (name, holder, expires_at) VALUES ('nightly-billing', 'lost-host/4242/dead', "
                + ":until)").param("until", System.currentTimeMillis() + 60_000).update();

        assertThatThrownBy(() -> billing.bill(SEP_30))
                .isInstanceOf(BillingFailedException.class)
                .hasMessageMatching("Another billing process \\(lost-host/4242/dead\\) holds the billing lease for "
                        + "(59|60) s more; two processes never bill at once, so this one bills nothing\\. If that "
                        + "process was killed, the next start after its lease expires takes its run over "
                        + "\\(seats\\.billing\\.lease-expiry, PT2M\\)");
        assertThat(ledger()).isEmpty();
        assertThat(jobRepository.getJobExecution(killed.getId()).getStatus()).isEqualTo(BatchStatus.STARTED);

        jdbc.sql("UPDATE billing_lease SET expires_at = :expired").param("expired", System.currentTimeMillis() - 1)
                .update();
        BillingRun takenOver = bill(SEP_30);

        assertThat(takenOver.alreadyBilled()).isFalse();
        assertThat(jobRepository.getJobExecution(killed.getId()).getStatus()).isEqualTo(BatchStatus.FAILED);
        assertThat(ledger()).containsExactly("20260930-clinic-a-T", "20260930-clinic-b-T", "20260930-solo-c-T");
        assertFilesAreTheWorkedExample(takenOver.folder(), SEP_30);
        // handed back at the end of the run: the next start need not wait for the expiry
        assertThat(jdbc.sql("SELECT holder, expires_at FROM billing_lease").query((rs, i) -> rs.getString(1) + " "
                + rs.getLong(2)).single()).isEqualTo(lease.holder() + " 0");
    }
}
