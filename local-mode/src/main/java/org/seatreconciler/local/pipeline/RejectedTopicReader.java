package org.seatreconciler.local.pipeline;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.seatreconciler.avro.MembershipEvent;
import org.seatreconciler.avro.RejectedEvent;
import org.seatreconciler.local.ReconcilerException;
import org.seatreconciler.local.output.RejectedEventsFile;
import org.seatreconciler.schemas.registry.SchemaRegistries;
import org.seatreconciler.schemas.registry.SchemaRegistryClient;
import org.seatreconciler.schemas.serde.ConfluentAvroDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Copies the topology's rejections from the rejected topic into {@code rejected-events.jsonl}. Reads up
 * to the end offsets taken when it starts (committed records only), never "until a poll is empty".
 */
public final class RejectedTopicReader {

    private static final Logger log = LoggerFactory.getLogger(RejectedTopicReader.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private RejectedTopicReader() {
    }

    /** @return the number of rejections copied */
    public static long copy(String bootstrapServers, String registryUrl, String topic, RejectedEventsFile sink) {
        SchemaRegistryClient registry = SchemaRegistries.forUrl(registryUrl);
        ConfluentAvroDeserializer<MembershipEvent> events = new ConfluentAvroDeserializer<>(MembershipEvent.class, registry);
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        long copied = 0;
        try (KafkaConsumer<String, RejectedEvent> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                new ConfluentAvroDeserializer<>(RejectedEvent.class, registry))) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, TIMEOUT).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, TIMEOUT);
            long deadline = System.nanoTime() + TIMEOUT.toNanos();
            while (!reached(consumer, ends)) {
                if (System.nanoTime() > deadline) {
                    throw new ReconcilerException("cannot read " + topic + " up to its end offsets " + describe(ends)
                            + " within " + TIMEOUT.toSeconds() + " s");
                }
                for (ConsumerRecord<String, RejectedEvent> record : consumer.poll(Duration.ofMillis(200))) {
                    if (record.offset() >= ends.get(new TopicPartition(record.topic(), record.partition()))) {
                        continue; // published after we started: not part of this run's picture
                    }
                    sink.topology(record.value(), decode(events, record));
                    copied++;
                }
            }
        }
        return copied;
    }

    private static Optional<MembershipEvent> decode(ConfluentAvroDeserializer<MembershipEvent> events,
                                                    ConsumerRecord<String, RejectedEvent> record) {
        RejectedEvent rejected = record.value();
        if (rejected.getPayload() == null) {
            return Optional.empty();
        }
        byte[] bytes = new byte[rejected.getPayload().remaining()];
        rejected.getPayload().duplicate().get(bytes);
        try {
            return Optional.of(events.deserialize(rejected.getSourceTopic(), bytes));
        } catch (SerializationException e) { // MalformedPayloadException included
            log.debug("Rejected record at {}-{}@{} is not a decodable event: {}", rejected.getSourceTopic(),
                    rejected.getSourcePartition(), rejected.getSourceOffset(), e.getMessage());
            return Optional.empty();
        }
    }

    private static boolean reached(KafkaConsumer<?, ?> consumer, Map<TopicPartition, Long> ends) {
        return ends.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
    }

    private static String describe(Map<TopicPartition, Long> ends) {
        return ends.entrySet().stream().map(e -> e.getKey().partition() + ":" + e.getValue())
                .collect(Collectors.joining(",", "{", "}"));
    }
}
