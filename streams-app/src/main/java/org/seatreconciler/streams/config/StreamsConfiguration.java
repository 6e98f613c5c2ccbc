package org.seatreconciler.streams.config;

import java.time.Duration;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.streams.Topology;
import org.seatreconciler.schemas.registry.SchemaRegistries;
import org.seatreconciler.schemas.registry.SchemaRegistryClient;
import org.seatreconciler.streams.counting.EventOutcomes;
import org.seatreconciler.streams.counting.MembershipTopology;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.annotation.EnableKafkaStreams;
import org.springframework.kafka.config.KafkaStreamsInfrastructureCustomizer;
import org.springframework.kafka.config.StreamsBuilderFactoryBeanConfigurer;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * Wires the Spring-free {@link MembershipTopology} into spring-kafka's streams lifecycle. The topology
 * is built with the Processor API, so it is added to the (empty) topology of Spring's StreamsBuilder
 * just before the KafkaStreams instance is created.
 */
@Configuration(proxyBeanMethods = false)
@EnableKafkaStreams
@EnableConfigurationProperties(SeatsProperties.class)
public class StreamsConfiguration {

    /** How long a stream thread waits before it is replaced after the schema registry was unavailable. */
    static final Duration REGISTRY_RETRY_PAUSE = Duration.ofSeconds(5);

    @Bean
    public EventOutcomes eventOutcomes() {
        return new EventOutcomes();
    }

    @Bean
    public SchemaRegistryClient schemaRegistryClient(SeatsProperties seats) {
        return SchemaRegistries.forUrl(seats.schemaRegistryUrl());
    }

    @Bean
    public StreamsBuilderFactoryBeanConfigurer membershipTopologyConfigurer(SeatsProperties seats,
                                                                           SchemaRegistryClient registry,
                                                                           EventOutcomes outcomes) {
        return factoryBean -> {
            factoryBean.setInfrastructureCustomizer(new KafkaStreamsInfrastructureCustomizer() {
                @Override
                public void configureTopology(Topology topology) {
                    MembershipTopology.addTo(topology, seats.topologySettings(), registry, outcomes);
                }
            });
            factoryBean.setStreamsUncaughtExceptionHandler(new RegistryOutageHandler(REGISTRY_RETRY_PAUSE));
        };
    }

    /** Creates the topics when missing (KafkaAdmin never deletes or shrinks them). */
    @Bean
    @ConditionalOnProperty(name = "seats.topics.create", havingValue = "true", matchIfMissing = true)
    public KafkaAdmin.NewTopics seatTopics(SeatsProperties seats) {
        SeatsProperties.TopicsProperties t = seats.topics();
        return new KafkaAdmin.NewTopics(
                topic(t.membershipEvents(), t.inputPartitions(), t.replicationFactor(), false),
                topic(t.rejected(), t.inputPartitions(), t.replicationFactor(), false),
                topic(t.orgCounts(), t.outputPartitions(), t.replicationFactor(), true),
                topic(t.orgDaily(), t.outputPartitions(), t.replicationFactor(), true));
    }

    private static NewTopic topic(String name, int partitions, short replicationFactor, boolean compacted) {
        TopicBuilder builder = TopicBuilder.name(name).partitions(partitions).replicas(replicationFactor);
        if (compacted) {
            builder.config(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT);
        }
        return builder.build();
    }
}
