package org.seatreconciler.local.lag;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.seatreconciler.local.ReconcilerException;
import org.seatreconciler.local.broker.LocalKafkaBroker;

class ConsumerLagTest {

    @Test
    void waitsForTheGroupToCommitTheEndOffsetOfEveryPartition() throws Exception {
        try (LocalKafkaBroker broker = LocalKafkaBroker.start();
             Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
            admin.createTopics(List.of(new NewTopic("in", 2, (short) 1))).all().get();
            try (var producer = new KafkaProducer<>(Map.<String, Object>of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                    broker.bootstrapServers()), new StringSerializer(), new StringSerializer())) {
                producer.send(new ProducerRecord<>("in", 0, "k", "a"));
                producer.send(new ProducerRecord<>("in", 0, "k", "b"));
                producer.send(new ProducerRecord<>("in", 1, "k", "c"));
            }

            assertThatThrownBy(() -> ConsumerLag.await(admin, "app", "in", Duration.ofMillis(500)))
                    .isInstanceOf(ReconcilerException.class)
                    .hasMessage("consumer group 'app' has not processed in within 500 ms: 3 records left (partition 0: 2, partition 1: 1)");

            admin.alterConsumerGroupOffsets("app", Map.of(new TopicPartition("in", 0), new OffsetAndMetadata(2))).all().get();
            assertThat(ConsumerLag.lag(admin, "app", "in"))
                    .containsExactly(Map.entry(new TopicPartition("in", 0), 0L), Map.entry(new TopicPartition("in", 1), 1L));

            admin.alterConsumerGroupOffsets("app", Map.of(new TopicPartition("in", 1), new OffsetAndMetadata(1))).all().get();
            ConsumerLag.await(admin, "app", "in", Duration.ofSeconds(5));
        }
    }
}
