package org.seatreconciler.batch.config;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

import org.apache.kafka.clients.admin.Admin;
import org.seatreconciler.batch.billing.BillingCalculator;
import org.seatreconciler.batch.billing.Plan;
import org.seatreconciler.batch.billing.PlanCatalogue;
import org.seatreconciler.batch.catchup.StreamsCatchUp;
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
}
