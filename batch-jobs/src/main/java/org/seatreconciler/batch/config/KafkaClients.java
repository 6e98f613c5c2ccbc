package org.seatreconciler.batch.config;

import java.util.HashMap;
import java.util.Map;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.seatreconciler.schemas.registry.SchemaRegistries;
import org.seatreconciler.schemas.registry.SchemaRegistryClient;
import org.seatreconciler.schemas.serde.ConfluentAvroSerde;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;

/** Makes the job's Kafka clients from {@code spring.kafka.*}. */
public class KafkaClients {

    private final KafkaProperties kafkaProperties;
    private final SchemaRegistryClient registry;

    /** TLS and login towards the registry come from spring.kafka.properties.* (Confluent's names, RegistryClientSettings). */
    public KafkaClients(KafkaProperties kafkaProperties, String schemaRegistryUrl) {
        this.kafkaProperties = kafkaProperties;
        this.registry = SchemaRegistries.forUrl(schemaRegistryUrl, kafkaProperties.getProperties());
    }

    /**
     * A consumer for reading a topic as a snapshot: no group (partitions are assigned, nothing is committed) and
     * read_committed, so only what the streams app committed is billed. It leaves the values as bytes, for the
     * reader to decode one by one: a deserializer in the consumer would stop every poll at a record that does not
     * decode.
     */
    public Consumer<String, byte[]> rawSnapshotConsumer(String clientId) {
        return new KafkaConsumer<>(snapshotConfig(clientId), new StringDeserializer(), new ByteArrayDeserializer());
    }

    /** The registry's deserializer for values of {@code type} (Confluent wire format). */
    public <V extends SpecificRecord> Deserializer<V> deserializer(Class<V> type) {
        return ConfluentAvroSerde.forValues(type, registry).deserializer();
    }

    private Map<String, Object> snapshotConfig(String clientId) {
        Map<String, Object> config = new HashMap<>(kafkaProperties.buildConsumerProperties());
        config.remove(ConsumerConfig.GROUP_ID_CONFIG);
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        // A misnamed topic must fail the night, not be created empty by the lookup and billed as empty.
        config.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId);
        return config;
    }

    public Admin admin() {
        Map<String, Object> config = new HashMap<>(kafkaProperties.buildAdminProperties());
        // Pending calls otherwise hold up shutdown for the 60 s default when Kafka is unreachable.
        config.putIfAbsent(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 15_000);
        config.putIfAbsent(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 30_000);
        return Admin.create(config);
    }
}
