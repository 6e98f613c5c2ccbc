package org.seatreconciler.local.bench;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.seatreconciler.local.ReconcilerException;

/**
 * P: the broker's own produce rate for these records: a plain idempotent producer with acks=all sending
 * the pre-serialised history, timed from the first send until the last is acknowledged. It also leaves
 * the history on the topic for the replays. Kafka's default batching (16 KiB batches, linger 5 ms), as
 * Kafka's own ProducerPerformance measures a broker (the baseline the issue quotes: about 100,000
 * records/s for these records here); with 256 KiB batches it reaches about five times that in one JVM
 * with the broker, a ceiling no app here comes near.
 */
final class ProducerCeiling {

    /**
     * Request and delivery time-outs of the bench's producers, well above Kafka's 30 s and 120 s: on the
     * shared 2-core machine (load averages of 15-20 from other builds) an idempotent producer whose
     * requests timed out reset its sequence numbers, and the broker refused its batches
     * (OUT_OF_ORDER_SEQUENCE_NUMBER) until they expired; a slow answer must stay a slow figure.
     */
    static final int PATIENT_REQUEST_MS = 300_000;
    static final int PATIENT_DELIVERY_MS = 900_000;

    private ProducerCeiling() {
    }

    static Duration publish(String bootstrapServers, String topic, History history) {
        Map<String, Object> config = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.CLIENT_ID_CONFIG, "bench-producer-ceiling",
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, PATIENT_REQUEST_MS,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, PATIENT_DELIVERY_MS);
        AtomicReference<Exception> failure = new AtomicReference<>();
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(config, new ByteArraySerializer(),
                new ByteArraySerializer())) {
            // the connection and the topic's metadata are not what is measured
            producer.partitionsFor(topic);
            long start = System.nanoTime();
            for (int i = 0; i < history.size(); i++) {
                producer.send(new ProducerRecord<>(topic, history.keys().get(i), history.values().get(i)),
                        (metadata, error) -> {
                            if (error != null) {
                                failure.compareAndSet(null, error);
                            }
                        });
            }
            producer.flush();
            Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
            if (failure.get() != null) {
                throw new ReconcilerException("publishing the history to " + topic + " failed: "
                        + failure.get().getMessage(), failure.get());
            }
            return elapsed;
        }
    }
}
