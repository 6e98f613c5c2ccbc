package org.seatreconciler.local.pipeline;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.seatreconciler.avro.MembershipEvent;
import org.seatreconciler.avro.MembershipEventType;
import org.seatreconciler.avro.RejectedEvent;
import org.seatreconciler.schemas.registry.SchemaRegistries;
import org.seatreconciler.schemas.serde.ConfluentAvroDeserializer;
import org.seatreconciler.schemas.serde.ConfluentAvroSerializer;

/**
 * Stands in for the streams app: a real consumer in the app's group that dedups by eventId, applies the
 * role-change rule with a set of admins, publishes rejections to the rejected topic and commits its
 * offsets, so the pipeline's lag wait, rejection copy and summary are exercised against a real broker.
 */
final class FakeStreamsRuntime implements StreamsRuntime {

    private final AtomicBoolean running = new AtomicBoolean(true);
    private final AtomicReference<Outcomes> outcomes = new AtomicReference<>(Outcomes.of(0, 0, Map.of()));
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private final Thread thread;

    FakeStreamsRuntime(LocalSettings settings) {
        thread = new Thread(() -> {
            try {
                loop(settings);
            } catch (Throwable e) {
                failure.set(e);
            }
        }, "fake-streams");
        thread.start();
    }

    private void loop(LocalSettings settings) {
        var registry = SchemaRegistries.forUrl(settings.schemaRegistryUrl());
        var events = new ConfluentAvroDeserializer<>(MembershipEvent.class, registry);
        Set<String> seen = new HashSet<>();
        Set<String> admins = new HashSet<>();
        long applied = 0;
        long duplicates = 0;
        Map<String, Long> rejected = new TreeMap<>();
        try (var consumer = new KafkaConsumer<>(Map.<String, Object>of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, settings.streamsApplicationId(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false), new StringDeserializer(), new ByteArrayDeserializer());
             var producer = new KafkaProducer<>(Map.<String, Object>of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers()),
                new StringSerializer(), new ConfluentAvroSerializer<RejectedEvent>(registry, false))) {
            consumer.subscribe(List.of(settings.topics().membershipEvents()));
            while (running.get()) {
                var records = consumer.poll(Duration.ofMillis(100));
                for (ConsumerRecord<String, byte[]> record : records) {
                    MembershipEvent event = events.deserialize(record.topic(), record.value());
                    String reason = null;
                    if (seen.contains(event.getEventId())) {
                        duplicates++;
                        continue;
                    }
                    String member = event.getOrgId() + "/" + event.getMemberId();
                    if (event.getType() == MembershipEventType.ROLE_CHANGED) {
                        if (event.getMemberId().equals(event.getActorId())) {
                            reason = "SELF_ROLE_CHANGE";
                        } else if (!admins.contains(event.getOrgId() + "/" + event.getActorId())) {
                            reason = "UNAUTHORIZED_ROLE_CHANGE";
                        }
                    }
                    if (reason != null) {
                        rejected.merge(reason, 1L, Long::sum);
                        producer.send(new ProducerRecord<>(settings.topics().rejected(), record.key(), RejectedEvent.newBuilder()
                                .setPayload(ByteBuffer.wrap(record.value())).setReason(reason).setDetail("fake: " + reason)
                                .setEventId(event.getEventId()).setSourceTopic(record.topic())
                                .setSourcePartition(record.partition()).setSourceOffset(record.offset()).build()));
                        continue;
                    }
                    seen.add(event.getEventId());
                    applied++;
                    if (Boolean.TRUE.equals(event.getAdmin())) {
                        admins.add(member);
                    } else if (Boolean.FALSE.equals(event.getAdmin())) {
                        admins.remove(member);
                    }
                }
                if (!records.isEmpty()) {
                    producer.flush();
                    outcomes.set(Outcomes.of(applied, duplicates, rejected));
                    consumer.commitSync(); // after the outputs, as exactly-once would
                }
            }
        }
    }

    @Override
    public Outcomes outcomes() {
        if (failure.get() != null) {
            throw new IllegalStateException("fake streams failed", failure.get());
        }
        return outcomes.get();
    }

    @Override
    public void close() {
        running.set(false);
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
