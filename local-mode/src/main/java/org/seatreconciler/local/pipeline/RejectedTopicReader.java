package org.seatreconciler.local.pipeline;

import java.time.Duration;
import java.util.Optional;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.seatreconciler.avro.MembershipEvent;
import org.seatreconciler.avro.RejectedEvent;
import org.seatreconciler.local.ReconcilerException;
import org.seatreconciler.local.output.RejectedEventsFile;
import org.seatreconciler.schemas.registry.SchemaRegistries;
import org.seatreconciler.schemas.registry.SchemaRegistryClient;
import org.seatreconciler.schemas.serde.ConfluentAvroDeserializer;
import org.seatreconciler.schemas.support.TopicSnapshot;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Copies the topology's rejections from the rejected topic into {@code rejected-events.jsonl}: the topic as it
 * was when the copy started ({@link TopicSnapshot}), one record at a time.
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
        long[] copied = {0};
        try {
            TopicSnapshot.forEach(bootstrapServers, topic, new StringDeserializer(),
                    new ConfluentAvroDeserializer<>(RejectedEvent.class, registry), TIMEOUT, record -> {
                        sink.topology(record.value(), decode(events, record));
                        copied[0]++;
                    });
        } catch (IllegalStateException e) {
            throw new ReconcilerException(e.getMessage(), e);
        }
        return copied[0];
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
}
