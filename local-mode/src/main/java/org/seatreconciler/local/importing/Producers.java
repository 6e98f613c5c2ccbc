package org.seatreconciler.local.importing;

import java.util.Map;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.seatreconciler.schemas.registry.SchemaRegistries;
import org.seatreconciler.schemas.serde.ConfluentAvroSerializer;

/** Producers for the import: durable (acks=all, idempotent) and batched for throughput. */
public final class Producers {

    private Producers() {
    }

    public static <T extends SpecificRecord> Producer<String, T> avro(String bootstrapServers, String registryUrl,
                                                                      String clientId) {
        Map<String, Object> config = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.CLIENT_ID_CONFIG, clientId,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                // large files: fill big batches rather than send per record
                ProducerConfig.LINGER_MS_CONFIG, 10,
                ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024,
                ProducerConfig.BUFFER_MEMORY_CONFIG, 64L * 1024 * 1024);
        return new KafkaProducer<>(config, new StringSerializer(),
                new ConfluentAvroSerializer<>(SchemaRegistries.forUrl(registryUrl), false));
    }
}
