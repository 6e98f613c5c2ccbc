package org.seatreconciler.batch.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.seatreconciler.batch.BillingFailedException;
import org.seatreconciler.batch.BillingRun;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/**
 * What Spring Batch 6 leaves when a chunk's commit ends with an unknown outcome and the commit did reach the
 * database: the run and the billing step UNKNOWN, and the worker partition whose record could no longer be saved
 * (its version moved on) still STARTED. Spring Batch refuses to restart either status; the next start bills the
 * date anyway, after the chunks known to be committed. Set up as RestartAfterCrashJobTest's crash of clinic-b's
 * partition, then given those statuses in the job repository.
 */
@TestPropertySource(properties = "seats.billing.chunk-size=1")
@Import(RestartAfterCrashJobTest.CrashOnClinicB.class)
class UnknownOutcomeJobTest extends BillingJobTestSupport {

    @Autowired
    RestartAfterCrashJobTest.CrashOnClinicB crash;

    @Test
    void aRunLeftUnknownWithAPartitionStillStartedIsRestartedByTheNextStart() throws Exception {
        publishWorkedExampleDays();
        publishWorkedExamplePlans();
        crash.armed.set(true);
        assertThatThrownBy(() -> billing.bill(SEP_30)).isInstanceOf(BillingFailedException.class);
        JdbcClient jdbc = JdbcClient.create(dataSource);
        jdbc.sql("UPDATE BATCH_JOB_EXECUTION SET STATUS = 'UNKNOWN'").update();
        jdbc.sql("UPDATE BATCH_STEP_EXECUTION SET STATUS = 'UNKNOWN' WHERE STEP_NAME = 'billOrganisations'").update();
        assertThat(jdbc.sql("UPDATE BATCH_STEP_EXECUTION SET STATUS = 'STARTED', END_TIME = NULL"
                + " WHERE STEP_NAME = 'billPartition:partition-1'").update()).isEqualTo(1);
        crash.armed.set(false);

        BillingRun restarted = bill(SEP_30);

        assertThat(restarted.alreadyBilled()).isFalse();
        assertThat(ledger()).containsExactly("20260930-clinic-a-T", "20260930-clinic-b-T", "20260930-solo-c-T");
        assertFilesAreTheWorkedExample(restarted.folder(), SEP_30);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM BATCH_STEP_EXECUTION WHERE STATUS IN ('STARTED', 'UNKNOWN')")
                .query(Integer.class).single()).isZero();
    }
}
