package org.seatreconciler.batch.config;

import java.sql.DatabaseMetaData;
import java.time.LocalDate;

import javax.sql.DataSource;

import org.seatreconciler.batch.billing.BillingCalculator;
import org.seatreconciler.batch.billing.BillingInput;
import org.seatreconciler.batch.billing.OrgBilling;
import org.seatreconciler.batch.catchup.MissingTopicException;
import org.seatreconciler.batch.catchup.StreamsCatchUp;
import org.seatreconciler.batch.files.BillingFiles;
import org.seatreconciler.batch.billing.NotBilledShare;
import org.seatreconciler.batch.billing.NotBilledTally;
import org.seatreconciler.batch.input.BillingInputReader;
import org.seatreconciler.batch.input.BillingPartitioner;
import org.seatreconciler.batch.input.BillingSession;
import org.seatreconciler.batch.input.BillingSessions;
import org.seatreconciler.batch.input.InputGuard;
import org.seatreconciler.batch.launch.OutsideFailure;
import org.seatreconciler.batch.lease.BillingLease;
import org.seatreconciler.batch.ledger.Dialect;
import org.seatreconciler.batch.ledger.LedgerWriter;
import org.seatreconciler.batch.ledger.LedgerRepository;
import org.seatreconciler.batch.reports.DateReports;
import org.seatreconciler.schemas.settings.SeatsSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.configuration.annotation.StepScope;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.builder.JobBuilder;
import org.springframework.batch.core.job.parameters.DefaultJobParametersValidator;
import org.springframework.batch.core.listener.ItemWriteListener;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.Step;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.builder.ChunkOrientedStepBuilder;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.jdbc.datasource.init.DataSourceInitializer;
import org.springframework.jdbc.datasource.init.ResourceDatabasePopulator;
import org.springframework.jdbc.support.JdbcUtils;
import org.springframework.jdbc.support.MetaDataAccessException;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The nightly billing job: wait for the streams app, bill every organisation into the ledger in
 * chunks, then write the date's files from the ledger. The billing date is the only, identifying
 * parameter: one night is one job instance, and a failed night is restarted, never run twice.
 */
@Configuration(proxyBeanMethods = false)
public class BillingJobConfiguration {

    public static final String JOB_NAME = "nightlyBilling";
    public static final String BILLING_DATE = "billingDate";
    /** The worker step of billOrganisations: its executions are named {@code billPartition:partition-<n>}. */
    public static final String BILL_PARTITION = "billPartition";
    /** Whether the ledger's DDL runs at startup (Spring Batch's own: spring.batch.jdbc.initialize-schema). */
    public static final String INITIALIZE_SCHEMA = "seats.billing.initialize-schema";

    private static final Logger log = LoggerFactory.getLogger(BillingJobConfiguration.class);

    @Bean
    Job nightlyBillingJob(JobRepository jobRepository, Step awaitStreamsCaughtUp, Step billOrganisations,
            Step writeBillingFiles) {
        return new JobBuilder(JOB_NAME, jobRepository)
                .validator(new DefaultJobParametersValidator(new String[] { BILLING_DATE }, new String[0]))
                .start(awaitStreamsCaughtUp)
                .next(billOrganisations)
                .next(writeBillingFiles)
                .build();
    }

    /** Once per run: the dates after the first are billed from the same read, taken after this check. */
    @Bean
    Step awaitStreamsCaughtUp(JobRepository jobRepository, PlatformTransactionManager transactionManager,
            StreamsCatchUp catchUp, SeatsSettings seats, BillingProperties billing, BillingSessions sessions) {
        return new StepBuilder("awaitStreamsCaughtUp", jobRepository)
                .tasklet((contribution, context) -> {
                    BillingSession session = sessions.current(billingDate(contribution));
                    if (!session.caughtUp()) {
                        try {
                            catchUp.await(billing.streamsApplicationId(), seats.topics().membershipEvents(),
                                    billing.catchUpTimeout(), billing.catchUpPollInterval());
                        } catch (MissingTopicException e) {
                            throw e.withSetting(SeatsSettings.MEMBERSHIP_EVENTS_SETTING);
                        }
                        session.markCaughtUp();
                    }
                    return RepeatStatus.FINISHED;
                }, transactionManager)
                .build();
    }

    /**
     * One partition of the step per partition of seats.org-daily, run on {@code seats.billing.partition-threads}
     * threads; the share of organisations that cannot be billed is checked over all of them first.
     */
    @Bean
    Step billOrganisations(JobRepository jobRepository, Step billPartition, BillingSessions sessions,
            InputGuard guard, BillingProperties billing, NotBilledTally tally, LedgerRepository ledger) {
        SimpleAsyncTaskExecutor threads = new SimpleAsyncTaskExecutor("billing-partition-");
        threads.setConcurrencyLimit(billing.partitionThreads());
        return new StepBuilder("billOrganisations", jobRepository)
                .partitioner(BILL_PARTITION, new BillingPartitioner(BILL_PARTITION, sessions, guard, jobRepository,
                        BILLING_DATE, tally, ledger))
                .step(billPartition)
                .taskExecutor(threads)
                .build();
    }

    @Bean
    NotBilledTally notBilledTally(BillingProperties billing) {
        return new NotBilledTally(new NotBilledShare(billing.maxNotBilledShare()));
    }

    @Bean
    Step billPartition(JobRepository jobRepository, PlatformTransactionManager transactionManager,
            BillingInputReader billingInputReader, BillingCalculator calculator, LedgerRepository ledger,
            BillingLease lease, BillingProperties billing, NotBilledTally tally,
            ObjectProvider<ItemWriteListener<OrgBilling>> writeListeners) {
        ChunkOrientedStepBuilder<BillingInput, OrgBilling> step = new StepBuilder(BILL_PARTITION, jobRepository)
                .<BillingInput, OrgBilling>chunk(billing.chunkSize())
                .transactionManager(transactionManager)
                .reader(billingInputReader)
                .processor(calculator::bill)
                // The ledger rows are written in the chunk's transaction, with the reader's position.
                .writer(new LedgerWriter(ledger, lease, transactionManager, tally));
        // Extension point for monitoring (and for tests that inject a crash mid-step).
        writeListeners.orderedStream().forEach(step::listener);
        return step.build();
    }

    @Bean
    @StepScope
    BillingInputReader billingInputReader(@Value("#{jobParameters['" + BILLING_DATE + "']}") LocalDate billingDate,
            BillingSessions sessions) {
        return new BillingInputReader(billingDate, sessions.current(billingDate));
    }

    /** In a transaction that holds the lease row: a process that lost the lease cannot write files. */
    @Bean
    Step writeBillingFiles(JobRepository jobRepository, PlatformTransactionManager transactionManager,
            DateReports reports, BillingFiles files, BillingLease lease, LedgerRepository ledger) {
        return new StepBuilder("writeBillingFiles", jobRepository)
                .tasklet((contribution, context) -> {
                    lease.confirmedAround(() -> {
                        ledger.refreshStatistics();
                        files.write(reports.streamed(billingDate(contribution)));
                    });
                    return RepeatStatus.FINISHED;
                }, transactionManager)
                .build();
    }

    private static LocalDate billingDate(StepContribution contribution) {
        return contribution.getStepExecution().getJobParameters().getLocalDate(BILLING_DATE);
    }

    @Bean
    LedgerRepository ledgerRepository(DataSource dataSource, PlatformTransactionManager transactionManager)
            throws MetaDataAccessException {
        String url = JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getURL);
        LedgerRepository ledger = new LedgerRepository(dataSource, transactionManager);
        log.info("Seat ledger and job repository in {} ({})", OutsideFailure.masked(url), ledger.dialect());
        return ledger;
    }

    /**
     * Creates the ledger tables (IF NOT EXISTS) at startup, on H2 and PostgreSQL alike; not for the read-only
     * commands (--preview, --explain), which set {@value #INITIALIZE_SCHEMA} to false.
     */
    @Bean
    @ConditionalOnBooleanProperty(name = INITIALIZE_SCHEMA, matchIfMissing = true)
    DataSourceInitializer ledgerSchemaInitializer(DataSource dataSource) {
        DataSourceInitializer initializer = new DataSourceInitializer();
        initializer.setDataSource(dataSource);
        ResourceDatabasePopulator populator = new ResourceDatabasePopulator(Dialect.of(dataSource).schemaScripts().stream()
                .map(ClassPathResource::new).toArray(ClassPathResource[]::new));
        // Two processes starting at once on a new PostgreSQL database race on CREATE TABLE IF NOT EXISTS (one
        // gets a duplicate key in pg_type); the table then exists, which is what the statement is for.
        populator.setContinueOnError(true);
        initializer.setDatabasePopulator(populator);
        return initializer;
    }
}
