package org.seatreconciler.batch.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;
import org.seatreconciler.batch.BatchApplication;
import org.seatreconciler.batch.config.BillingJobConfiguration;
import org.seatreconciler.batch.launch.BillingScheduler;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/**
 * The scheduler mode started at 02:06 after a process billing 1 October was killed at 02:05 (its execution left
 * STARTED, its lease expired): at startup, before any cron firing (the cron here fires on 1 January only), it
 * takes the dead run over and bills 1 and 2 October, the day that ended last, in order. The scheduler is the
 * production application started in this JVM on the same ledger, with a fixed clock.
 */
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:scheduler-startup;DB_CLOSE_DELAY=-1")
class SchedulerStartupJobTest extends BillingJobTestSupport {


    @Test
    void atStartupTheSchedulerTakesOverTheKilledRunAndBillsUpToYesterdayWithoutWaitingForTheCron() throws Exception {
        publishWorkedExampleDays();
        publishWorkedExamplePlans();
        bill(SEP_30);
        JobExecution killed = killedRun(OCT_1, LocalDateTime.of(2026, 10, 3, 2, 0));
        JdbcClient.create(dataSource).sql("UPDATE billing_lease SET holder = 'lost-host/4242/dead', expires_at = :expired")
                .param("expired", System.currentTimeMillis() - 1).update();

        SpringApplication scheduler = BatchApplication.application();
        Clock at0206 = Clock.fixed(Instant.parse("2026-10-03T02:06:00Z"), ZoneOffset.UTC);
        scheduler.addInitializers(context -> context.getBeanFactory().registerSingleton("clock", at0206));
        try (ConfigurableApplicationContext context = scheduler.run(
                "--spring.datasource.url=jdbc:h2:mem:scheduler-startup;DB_CLOSE_DELAY=-1",
                "--spring.kafka.bootstrap-servers=" + broker.getBrokersAsString(),
                "--seats.schema-registry-url=" + REGISTRY,
                "--seats.billing.out-dir=" + files.folder(SEP_30).getParent(),
                "--seats.billing.schedule.enabled=true", "--seats.billing.schedule.cron=0 0 0 1 1 *",
                "--seats.billing.catch-up-timeout=5s", "--seats.billing.read-timeout=30s")) {
            assertThat(context.getBean(BillingScheduler.class).refusedArguments()).isFalse();

            assertThat(ledger()).containsExactly("20260930-clinic-a-T", "20260930-clinic-b-T", "20260930-solo-c-T",
                    "20261001-clinic-a-R", "20261001-clinic-b-R", "20261001-solo-c-R", "20261002-clinic-a-T");
            assertThat(jobRepository.getJobExecution(killed.getId()).getStatus()).isEqualTo(BatchStatus.FAILED);
            assertThat(jobRepository.getLastJobExecution(BillingJobConfiguration.JOB_NAME, killed.getJobParameters()).getStatus())
                    .isEqualTo(BatchStatus.COMPLETED);
            assertFilesAreTheWorkedExample(files.folder(OCT_1), OCT_1);
            assertFilesAreTheWorkedExample(files.folder(OCT_2), OCT_2);
        }
    }
}
