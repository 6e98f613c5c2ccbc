package org.seatreconciler.batch.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDateTime;

import org.junit.jupiter.api.Test;
import org.seatreconciler.batch.BillingFailedException;
import org.seatreconciler.batch.BillingRun;
import org.seatreconciler.batch.config.BillingJobConfiguration;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A JVM killed mid-job leaves its execution STARTED in the job repository. Billing the date again
 * refuses and says what to do; with recover it marks the dead run failed and completes the date.
 */
class RecoverKilledRunJobTest extends BillingJobTestSupport {

    @Autowired
    JobRepository jobRepository;

    @Test
    void aRunLeftStartedByAKilledProcessIsRecoveredOnRequest() throws Exception {
        publishWorkedExampleDays();
        publishWorkedExamplePlans();
        JobParameters parameters = new JobParametersBuilder()
                .addLocalDate(BillingJobConfiguration.BILLING_DATE, SEP_30, true).toJobParameters();
        JobInstance instance = jobRepository.createJobInstance(BillingJobConfiguration.JOB_NAME, parameters);
        JobExecution killed = jobRepository.createJobExecution(instance, parameters, new ExecutionContext());
        killed.setStatus(BatchStatus.STARTED);
        killed.setStartTime(LocalDateTime.of(2026, 10, 1, 0, 30));
        jobRepository.update(killed);

        assertThatThrownBy(() -> billing.bill(SEP_30))
                .isInstanceOf(BillingFailedException.class)
                .hasMessage("Billing 2026-09-30 is already running, or a killed run is still marked as running; "
                        + "if no billing process is running, bill the date again with --recover");
        assertThat(ledger()).isEmpty();

        BillingRun recovered = billing.recoverAndBill(SEP_30);

        assertThat(recovered.alreadyBilled()).isFalse();
        assertThat(ledger()).containsExactly("20260930-clinic-a-T", "20260930-clinic-b-T", "20260930-solo-c-T");
        assertFilesAreTheWorkedExample(recovered.folder(), SEP_30);
        assertThat(jobRepository.getJobExecution(killed.getId()).getStatus()).isEqualTo(BatchStatus.FAILED);
        // recovering a date that completed changes nothing
        assertThat(billing.recoverAndBill(SEP_30).alreadyBilled()).isTrue();
        assertThat(ledger()).hasSize(3);
    }
}
