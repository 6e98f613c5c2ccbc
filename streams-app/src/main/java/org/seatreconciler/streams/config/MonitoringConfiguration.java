package org.seatreconciler.streams.config;

import org.seatreconciler.streams.counting.EventOutcomes;
import org.seatreconciler.streams.monitoring.EventOutcomesMetrics;
import org.seatreconciler.streams.monitoring.KafkaStreamsHealthIndicator;
import org.seatreconciler.streams.monitoring.RejectionSummaryLog;
import org.seatreconciler.streams.monitoring.TopicConfigHealthIndicator;
import org.seatreconciler.streams.topics.TopicConfigCheck;
import org.seatreconciler.schemas.settings.SeatsSettings;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.MeterBinder;
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

    public static final String TOPIC_CONFIG_MISMATCHES = "seats.topics.config.mismatches";

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

    /** Gauge {@code seats.topics.config.mismatches}: the topics whose configs differ from DESIGN.md section 5. */
    @Bean
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    public MeterBinder topicConfigMetrics(TopicConfigCheck check) {
        return registry -> Gauge.builder(TOPIC_CONFIG_MISMATCHES, check, c -> c.state().mismatches().size())
                .description("Topics whose configs differ from DESIGN.md section 5 (health component topicConfigs)")
                .register(registry);
    }

    /** Health component {@code topicConfigs}: always UP, naming the topics whose configs differ. */
    @Bean
    public TopicConfigHealthIndicator topicConfigsHealthIndicator(TopicConfigCheck check) {
        return new TopicConfigHealthIndicator(check::state);
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
