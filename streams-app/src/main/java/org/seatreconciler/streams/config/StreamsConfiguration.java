package org.seatreconciler.streams.config;

import java.time.Duration;
import java.util.Properties;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.streams.Topology;
import org.seatreconciler.schemas.registry.SchemaRegistries;
import org.seatreconciler.schemas.registry.SchemaRegistryClient;
import org.seatreconciler.schemas.settings.SeatsSettings;
import org.seatreconciler.schemas.settings.TopicLayout;
import org.seatreconciler.streams.counting.EventOutcomes;
import org.seatreconciler.streams.counting.MembershipTopology;
import org.seatreconciler.streams.failure.ProcessExit;
import org.seatreconciler.streams.failure.StreamThreadFailureHandler;
import org.seatreconciler.streams.topics.TopicConfigCheck;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.annotation.EnableKafkaStreams;
import org.springframework.kafka.config.KafkaStreamsInfrastructureCustomizer;
import org.springframework.kafka.config.StreamsBuilderFactoryBean;
import org.springframework.kafka.config.StreamsBuilderFactoryBeanConfigurer;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * Wires the Spring-free {@link MembershipTopology} into spring-kafka's streams lifecycle. The topology
 * is built with the Processor API, so it is added to the (empty) topology of Spring's StreamsBuilder
 * just before the KafkaStreams instance is created.
 */
@Configuration(proxyBeanMethods = false)
@EnableKafkaStreams
@EnableConfigurationProperties({ SeatsSettings.class, StreamsProperties.class })
public class StreamsConfiguration {

    /** How long a stream thread waits before it is replaced after the schema registry was unavailable. */
    static final Duration REGISTRY_RETRY_PAUSE = Duration.ofSeconds(5);
    /** How long a stream thread waits before it is replaced after any other recoverable failure. */
    static final Duration RECOVERY_PAUSE = Duration.ofSeconds(1);
    /** How long the startup check of the topics' configs waits for the cluster (startup waits with it). */
    static final Duration TOPIC_CHECK_TIMEOUT = Duration.ofSeconds(30);

    @Bean
    public EventOutcomes eventOutcomes() {
        return new EventOutcomes();
    }

    /** TLS and login towards the registry come from spring.kafka.properties.* (Confluent's names, RegistryClientSettings). */
    @Bean
    public SchemaRegistryClient schemaRegistryClient(SeatsSettings seats, ObjectProvider<KafkaProperties> kafka) {
        return SchemaRegistries.forUrl(seats.schemaRegistryUrl(),
                kafka.getIfAvailable(KafkaProperties::new).getProperties());
    }

    @Bean
    public StreamsBuilderFactoryBeanConfigurer membershipTopologyConfigurer(SeatsSettings seats,
                                                                           StreamsProperties streams,
                                                                           SchemaRegistryClient registry,
                                                                           EventOutcomes outcomes) {
        return factoryBean -> {
            factoryBean.setInfrastructureCustomizer(new KafkaStreamsInfrastructureCustomizer() {
                @Override
                public void configureTopology(Topology topology) {
                    MembershipTopology.addTo(topology, streams.topologySettings(seats), registry, outcomes);
                }
            });
            factoryBean.setStreamsUncaughtExceptionHandler(failureHandler(streams));
            Properties config = factoryBean.getStreamsConfiguration(); // a copy
            RocksDbMemory.configure(config, streams.rocksdbMemory());
            factoryBean.setStreamsConfiguration(config);
        };
    }

    static StreamThreadFailureHandler failureHandler(StreamsProperties streams) {
        return new StreamThreadFailureHandler(REGISTRY_RETRY_PAUSE, RECOVERY_PAUSE, streams.threadReplacementLimit(),
                streams.threadReplacementWindow(), System::nanoTime,
                streams.exitOnFatalFailure() ? ProcessExit.systemExit() : status -> { });
    }

    /**
     * Creates the topics when missing, with the settings of DESIGN.md section 5 ({@link TopicLayout});
     * KafkaAdmin never deletes or shrinks them, but it would add partitions to an existing keyed topic with
     * fewer, moving organisations between partitions: in production set {@code seats.topics.create=false}
     * and create the topics with the operators' tooling.
     */
    @Bean
    @ConditionalOnProperty(name = "seats.topics.create", havingValue = "true", matchIfMissing = true)
    public KafkaAdmin.NewTopics seatTopics(SeatsSettings seats) {
        return new KafkaAdmin.NewTopics(TopicLayout.of(seats.topics()).toArray(NewTopic[]::new));
    }

    /**
     * Topics that already exist keep whatever configs they were made with: checked against {@link TopicLayout}
     * once before the streams start, altered when the app creates its topics, else reported (WARN, health
     * component {@code topicConfigs}, gauge {@code seats.topics.config.mismatches}).
     */
    @Bean
    public TopicConfigCheck topicConfigCheck(SeatsSettings seats, KafkaAdmin kafkaAdmin) {
        return new TopicConfigCheck(TopicLayout.of(seats.topics()), seats.topics().create(),
                () -> Admin.create(kafkaAdmin.getConfigurationProperties()), TOPIC_CHECK_TIMEOUT);
    }

    @Bean
    TopicCheckLifecycle topicCheckBeforeStreams(TopicConfigCheck check, StreamsBuilderFactoryBean streams) {
        return new TopicCheckLifecycle(check, streams);
    }
}
