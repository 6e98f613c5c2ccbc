package org.seatreconciler.local.importing;

import java.util.HashMap;
import java.util.Map;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.seatreconciler.schemas.registry.SchemaRegistries;
import org.seatreconciler.schemas.registry.SchemaRegistryClient;
import org.seatreconciler.schemas.serde.ConfluentAvroSerializer;

/** Producers for the import: durable (acks=all, idempotent) and batched for throughput. */
public final class Producers {

    private Producers() {
    }

    public static <T extends SpecificRecord> Producer<String, T> avro(String bootstrapServers, String registryUrl,
                                                                      String clientId) {
        return avro(bootstrapServers, SchemaRegistries.forUrl(registryUrl), clientId, Map.of());
    }

    /**
     * As above, with the caller's client properties (e.g. SASL_SSL) on top of the throughput settings;
     * durability and ordering stay: acks=all and idempotence cannot be switched off.
     */
    public static <T extends SpecificRecord> Producer<String, T> avro(String bootstrapServers, SchemaRegistryClient registry,
                                                                      String clientId, Map<String, ?> clientConfig) {
        Map<String, Object> config = new HashMap<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.CLIENT_ID_CONFIG, clientId,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                // large files: fill big batches rather than send per record
                ProducerConfig.LINGER_MS_CONFIG, 10,
                ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024,
                ProducerConfig.BUFFER_MEMORY_CONFIG, 64L * 1024 * 1024));
        config.putAll(clientConfig);
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        return new KafkaProducer<>(config, new StringSerializer(), new ConfluentAvroSerializer<>(registry, false));
    }
}
