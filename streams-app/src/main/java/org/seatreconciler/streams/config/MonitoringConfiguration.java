package org.seatreconciler.streams.config;

import org.seatreconciler.streams.counting.EventOutcomes;
import org.seatreconciler.streams.monitoring.EventOutcomesMetrics;
import org.seatreconciler.streams.monitoring.KafkaStreamsHealthIndicator;
import org.seatreconciler.streams.monitoring.RejectionSummaryLog;
import org.seatreconciler.schemas.settings.SeatsSettings;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;

/**
 * The streams client's health and the event outcome meters, which the actuator serves with the web
 * server on ({@code /actuator/health}, {@code /actuator/metrics}, {@code /actuator/prometheus}). With
 * {@code spring.main.web-application-type=none} (the default, and the local mode) there is no server and
 * no endpoint is reachable.
 * <p>
 * Kafka Streams' own metrics need no bean here: Spring Boot's {@code KafkaMetricsAutoConfiguration} adds
 * spring-kafka's {@code KafkaStreamsMicrometerListener} to the {@link StreamsBuilderFactoryBean} whenever a
 * {@code MeterRegistry} bean exists; a second listener would bind every meter twice.
 */
@Configuration(proxyBeanMethods = false)
public class MonitoringConfiguration {

    /**
     * Bound to every MeterRegistry by Boot's metrics auto-configuration, in a web application only: without
     * the server nothing reads them.
     */
    @Bean
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    public EventOutcomesMetrics eventOutcomesMetrics(EventOutcomes outcomes) {
        return new EventOutcomesMetrics(outcomes);
    }

    /** One line per rejection reason every interval, instead of one per rejected record; with or without the web server. */
    @Bean(destroyMethod = "close")
    public RejectionSummaryLog rejectionSummaryLog(EventOutcomes outcomes, SeatsSettings seats, StreamsProperties streams) {
        return new RejectionSummaryLog(outcomes::drainRejectionSummary, seats.topics().rejected(),
                streams.rejectionSummaryInterval());
    }

    /**
     * Health component {@code kafkaStreams}; reads the client from the factory bean at each check and does
     * nothing otherwise. Present with or without the web server, because streams-app.yml names it in the
     * {@code liveness} health group, and Boot refuses to start when a group names a missing component.
     */
    @Bean
    public KafkaStreamsHealthIndicator kafkaStreamsHealthIndicator(StreamsBuilderFactoryBean factoryBean) {
        return new KafkaStreamsHealthIndicator(factoryBean::getKafkaStreams);
    }
}
