package org.seatreconciler.batch.config;

import java.sql.DatabaseMetaData;
import java.time.LocalDate;

import javax.sql.DataSource;

import org.seatreconciler.avro.OrgPlan;
import org.seatreconciler.avro.OrgSeatDay;
import org.seatreconciler.batch.billing.BillingCalculator;
import org.seatreconciler.batch.billing.BillingInput;
import org.seatreconciler.batch.billing.OrgBilling;
import org.seatreconciler.batch.catchup.MissingTopicException;
import org.seatreconciler.batch.catchup.StreamsCatchUp;
import org.seatreconciler.batch.files.BillingFiles;
import org.seatreconciler.batch.input.BillingInputReader;
import org.seatreconciler.batch.ledger.LedgerRepository;
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
import org.springframework.batch.core.step.builder.ChunkOrientedStepBuilder;
import org.springframework.batch.core.step.builder.StepBuilder;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
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

    @Bean
    Step awaitStreamsCaughtUp(JobRepository jobRepository, PlatformTransactionManager transactionManager,
            StreamsCatchUp catchUp, SeatsSettings seats, BillingProperties billing) {
        return new StepBuilder("awaitStreamsCaughtUp", jobRepository)
                .tasklet((contribution, context) -> {
                    try {
                        catchUp.await(billing.streamsApplicationId(), seats.topics().membershipEvents(),
                                billing.catchUpTimeout(), billing.catchUpPollInterval());
                    } catch (MissingTopicException e) {
                        throw e.withSetting(SeatsSettings.MEMBERSHIP_EVENTS_SETTING);
                    }
                    return RepeatStatus.FINISHED;
                }, transactionManager)
                .build();
    }

    @Bean
    Step billOrganisations(JobRepository jobRepository, PlatformTransactionManager transactionManager,
            BillingInputReader billingInputReader, BillingCalculator calculator, LedgerRepository ledger,
            BillingProperties billing, ObjectProvider<ItemWriteListener<OrgBilling>> writeListeners) {
        ChunkOrientedStepBuilder<BillingInput, OrgBilling> step = new StepBuilder("billOrganisations", jobRepository)
                .<BillingInput, OrgBilling>chunk(billing.chunkSize())
                .transactionManager(transactionManager)
                .reader(billingInputReader)
                .processor(calculator::bill)
                // The ledger rows are written in the chunk's transaction, with the reader's position.
                .writer(chunk -> chunk.forEach(ledger::record));
        // Extension point for monitoring (and for tests that inject a crash mid-step).
        writeListeners.orderedStream().forEach(step::listener);
        return step.build();
    }

    @Bean
    @StepScope
    BillingInputReader billingInputReader(@Value("#{jobParameters['" + BILLING_DATE + "']}") LocalDate billingDate,
            KafkaClients kafka, SeatsSettings seats, BillingProperties billing, LedgerRepository ledger) {
        return new BillingInputReader(billingDate, () -> kafka.snapshotConsumer(OrgSeatDay.class),
                seats.topics().orgDaily(), () -> kafka.snapshotConsumer(OrgPlan.class), seats.topics().orgPlans(),
                ledger::purchasedBefore, billing.readTimeout());
    }

    @Bean
    Step writeBillingFiles(JobRepository jobRepository, PlatformTransactionManager transactionManager,
            LedgerRepository ledger, BillingFiles files) {
        return new StepBuilder("writeBillingFiles", jobRepository)
                .tasklet((contribution, context) -> {
                    LocalDate date = contribution.getStepExecution().getJobParameters().getLocalDate(BILLING_DATE);
                    files.write(date, ledger.lines(date), ledger.snapshots(date));
                    return RepeatStatus.FINISHED;
                }, transactionManager)
                .build();
    }

    @Bean
    LedgerRepository ledgerRepository(DataSource dataSource) throws MetaDataAccessException {
        String url = JdbcUtils.extractDatabaseMetaData(dataSource, DatabaseMetaData::getURL);
        log.info("Seat ledger and job repository in {}", url.replaceAll("(?i)(password=)[^&;]*", "$1***"));
        return new LedgerRepository(JdbcClient.create(dataSource));
    }

    /** Creates the ledger tables (IF NOT EXISTS) at startup, on H2 and PostgreSQL alike. */
    @Bean
    DataSourceInitializer ledgerSchemaInitializer(DataSource dataSource) {
        DataSourceInitializer initializer = new DataSourceInitializer();
        initializer.setDataSource(dataSource);
        initializer.setDatabasePopulator(new ResourceDatabasePopulator(new ClassPathResource("seat-ledger-schema.sql")));
        return initializer;
    }
}
