package org.seatreconciler.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.seatreconciler.system.support.Java;
import org.seatreconciler.system.support.KafkaBrokerProcess;

/** The broker the system tests kill: a child JVM whose acknowledged records survive SIGKILL and a restart. */
class KafkaBrokerProcessIT {

    @Test
    void acknowledgedRecordsSurviveASigkillAndARestartOnTheSameFolderAndPort() throws Exception {
        Path dir = Java.path("work.dir").resolve("broker-process-it-" + System.nanoTime());
        try (KafkaBrokerProcess broker = KafkaBrokerProcess.start(dir)) {
            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
                admin.createTopics(List.of(new NewTopic("t", 1, (short) 1))).all().get(30, TimeUnit.SECONDS);
            }
            send(broker, "a");
            long firstPid = broker.process().pid();

            broker.kill();
            assertThat(broker.isAlive()).isFalse();
            broker.restart();
            send(broker, "b");

            assertThat(broker.process().pid()).isNotEqualTo(firstPid);
            assertThat(broker.starts()).isEqualTo(2);
            assertThat(readAll(broker)).containsExactly("a", "b");
        }
    }

    private static void send(KafkaBrokerProcess broker, String value) throws Exception {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(), ProducerConfig.ACKS_CONFIG, "all"),
                new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>("t", value)).get(60, TimeUnit.SECONDS);
        }
    }

    private static List<String> readAll(KafkaBrokerProcess broker) {
        List<String> values = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()),
                new StringDeserializer(), new StringDeserializer())) {
            TopicPartition tp = new TopicPartition("t", 0);
            consumer.assign(List.of(tp));
            consumer.seekToBeginning(List.of(tp));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (values.size() < 2 && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    values.add(record.value());
                }
            }
        }
        return values;
    }
}
