package org.seatreconciler.local.broker;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

class LocalKafkaBrokerTest {

    @Test
    void twoBrokersRunSideBySideOnLoopbackAndLeaveNoFolderBehind() throws Exception {
        Path firstDir;
        Path secondDir;
        try (LocalKafkaBroker first = LocalKafkaBroker.start();
             LocalKafkaBroker second = LocalKafkaBroker.start()) {
            firstDir = first.dataDir();
            secondDir = second.dataDir();

            assertThat(first.bootstrapServers()).startsWith("127.0.0.1:").isNotEqualTo(second.bootstrapServers());
            assertThat(firstDir).isDirectory();

            roundTrip(first.bootstrapServers(), "one");
            roundTrip(second.bootstrapServers(), "two");
        }
        assertThat(Files.exists(firstDir)).isFalse();
        assertThat(Files.exists(secondDir)).isFalse();
    }

    private static void roundTrip(String bootstrap, String value) throws Exception {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>("probe", "k", value)).get();
        }
        List<String> seen = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, "probe-group",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of("probe"));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (seen.isEmpty() && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    seen.add(record.value());
                }
            }
        }
        assertThat(seen).containsExactly(value);
    }
}
