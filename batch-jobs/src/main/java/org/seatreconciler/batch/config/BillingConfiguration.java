package org.seatreconciler.batch.config;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

import javax.sql.DataSource;

import org.apache.kafka.clients.admin.Admin;
import org.seatreconciler.avro.MembershipEvent;
import org.seatreconciler.avro.OrgPlan;
import org.seatreconciler.avro.RejectedEvent;
import org.seatreconciler.avro.OrgSeatDay;
import org.seatreconciler.batch.NightlyBilling;
import org.seatreconciler.batch.billing.NotBilledShare;
import org.seatreconciler.batch.input.BillingSessions;
import org.seatreconciler.batch.input.InputGuard;
import org.seatreconciler.batch.input.TopicReads;
import org.seatreconciler.batch.launch.OutsideFailure;
import org.seatreconciler.batch.launch.SchemaCheck;
import org.seatreconciler.batch.lease.BillingLease;
import org.seatreconciler.batch.ledger.LedgerRepository;
import org.seatreconciler.batch.order.CompletedDates;
import org.seatreconciler.batch.reports.DateReports;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.seatreconciler.batch.billing.BillingCalculator;
import org.seatreconciler.batch.billing.Plan;
import org.seatreconciler.batch.billing.PlanCatalogue;
import org.seatreconciler.batch.catchup.PartitionLag;
import org.seatreconciler.batch.catchup.StreamsCatchUp;
import org.seatreconciler.batch.explain.Explainer;
import org.seatreconciler.batch.explain.OrgEventLog;
import org.seatreconciler.batch.preview.BillingPreview;
import org.seatreconciler.batch.files.BillingFiles;
import org.seatreconciler.schemas.settings.SeatsSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.springframework.core.env.Environment;

/** The domain objects and clients of the nightly job, built from configuration. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({ SeatsSettings.class, BillingProperties.class })
public class BillingConfiguration {

    private static final Logger log = LoggerFactory.getLogger(BillingConfiguration.class);

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    PlanCatalogue planCatalogue(BillingProperties properties) {
        List<Plan> plans = properties.plans().entrySet().stream()
                .map(e -> e.getValue().toPlan(e.getKey()))
                .toList();
        PlanCatalogue catalogue = new PlanCatalogue(plans, properties.defaultPlan());
        log.info("Plan catalogue {}, default plan {}", catalogue.plans(), catalogue.defaultPlan().code());
        return catalogue;
    }

    @Bean
    BillingCalculator billingCalculator(PlanCatalogue catalogue, BillingProperties properties) {
        return new BillingCalculator(catalogue, properties.seatBasis());
    }

    @Bean
    BillingFiles billingFiles(BillingProperties properties) {
        Path outDir = properties.outDir().toAbsolutePath().normalize();
        log.info("Billing files go to {}", outDir);
        return new BillingFiles(outDir);
    }

    @Bean
    KafkaClients kafkaClients(KafkaProperties kafkaProperties, SeatsSettings seats) {
        return new KafkaClients(kafkaProperties, seats.schemaRegistryUrl());
    }

    /** Lazy: a run that stops at its arguments should not connect to Kafka. */
    @Bean(destroyMethod = "close")
    @Lazy
    Admin billingAdmin(KafkaClients clients) {
        return clients.admin();
    }

    @Bean
    StreamsCatchUp streamsCatchUp(@Lazy Admin billingAdmin) {
        return new StreamsCatchUp(billingAdmin);
    }

    @Bean
    BillingLease billingLease(DataSource dataSource, BillingProperties properties) {
        return new BillingLease(dataSource, properties.leaseExpiry());
    }

    @Bean
    TopicReads topicReads(KafkaClients kafka, SeatsSettings seats, BillingProperties billing) {
        return new TopicReads(() -> kafka.rawSnapshotConsumer("seat-billing-topics"), seats.topics().orgDaily(),
                kafka.deserializer(OrgSeatDay.class), seats.topics().orgPlans(), kafka.deserializer(OrgPlan.class),
                seats.billingZone(), billing.readTimeout());
    }

    @Bean
    BillingSessions billingSessions(TopicReads topicReads, LedgerRepository ledger) {
        return new BillingSessions(topicReads, ledger);
    }

    /** Reads only (topics, ledger, the job repository's completed dates): no lease, no catch-up wait. */
    @Bean
    BillingPreview billingPreview(TopicReads topicReads, LedgerRepository ledger, CompletedDates completedDates,
            BillingCalculator calculator, InputGuard inputGuard, DateReports reports, BillingFiles files,
            StreamsCatchUp catchUp, SeatsSettings seats, BillingProperties billing) {
        return new BillingPreview(topicReads, ledger, completedDates, calculator, inputGuard, reports, files,
                () -> catchUp.lag(billing.streamsApplicationId(), seats.topics().membershipEvents()).stream()
                        .mapToLong(PartitionLag::lag).sum(),
                billing.maxCatchUpDates());
    }

    @Bean
    Explainer explainer(CompletedDates completedDates, DateReports reports, LedgerRepository ledger,
            BillingPreview preview, KafkaClients kafka, SeatsSettings seats, BillingProperties billing) {
        OrgEventLog events = new OrgEventLog(() -> kafka.rawSnapshotConsumer("seat-billing-explain"),
                kafka.deserializer(MembershipEvent.class), kafka.deserializer(RejectedEvent.class),
                seats.topics().membershipEvents(), seats.topics().rejected(), billing.readTimeout());
        return new Explainer(completedDates, reports, ledger, preview, events, seats.billingZone());
    }

    @Bean
    InputGuard inputGuard(BillingCalculator calculator, BillingProperties properties) {
        return new InputGuard(calculator, new NotBilledShare(properties.maxNotBilledShare()));
    }

    @Bean
    CompletedDates completedDates(DataSource dataSource,
            @Value("${spring.batch.jdbc.table-prefix:BATCH_}") String tablePrefix) {
        return new CompletedDates(JdbcClient.create(dataSource), tablePrefix, BillingJobConfiguration.JOB_NAME,
                BillingJobConfiguration.BILLING_DATE);
    }

    /** What a read-only command checks instead of creating or upgrading tables. */
    @Bean
    SchemaCheck schemaCheck(DataSource dataSource, Environment environment,
            @Value("${spring.batch.jdbc.table-prefix:BATCH_}") String tablePrefix) {
        return new SchemaCheck(JdbcClient.create(dataSource), environment.getProperty("spring.datasource.url"),
                tablePrefix);
    }

    @Bean
    OutsideFailure outsideFailure(Environment environment) {
        return OutsideFailure.of(environment);
    }

    @Bean
    DateReports dateReports(LedgerRepository ledger, BillingProperties properties) {
        return new DateReports(ledger, properties.review().thresholds());
    }

    @Bean
    NightlyBilling nightlyBilling(JobOperator jobOperator, JobRepository jobRepository, Job nightlyBillingJob,
            DateReports reports, BillingFiles files, Clock clock, SeatsSettings seats, BillingLease lease,
            BillingSessions sessions, CompletedDates completedDates, BillingProperties properties) {
        return new NightlyBilling(jobOperator, jobRepository, nightlyBillingJob, reports, files, clock, seats, lease,
                sessions, completedDates, properties.maxCatchUpDates());
    }
}
