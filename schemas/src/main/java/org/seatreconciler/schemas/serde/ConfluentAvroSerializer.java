package org.seatreconciler.schemas.serde;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.avro.Schema;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serializer;
import org.seatreconciler.schemas.registry.SchemaRegistries;
import org.seatreconciler.schemas.registry.SchemaRegistryClient;

/**
 * Writes a SpecificRecord in the Confluent wire format, registering its schema under the
 * {@code <topic>-value} (or {@code -key}) subject on first use, as Confluent's serializer does with
 * its default TopicNameStrategy and auto-registration.
 */
public class ConfluentAvroSerializer<T extends SpecificRecord> implements Serializer<T> {

    /**
     * Schema id and datum writer per topic and schema. Generated records share one Schema instance, whose
     * hash Avro caches, so after the first record of a topic this costs a map hit, not a registry call.
     */
    private final Map<Subject, Writer<T>> writers = new ConcurrentHashMap<>();
    private SchemaRegistryClient registry;
    private boolean isKey;

    /** For Kafka's reflective construction; {@link #configure} then needs {@code schema.registry.url}. */
    public ConfluentAvroSerializer() {
    }

    public ConfluentAvroSerializer(SchemaRegistryClient registry, boolean isKey) {
        this.registry = registry;
        this.isKey = isKey;
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        this.isKey = isKey;
        if (registry == null) {
            registry = SchemaRegistries.forUrl(String.valueOf(configs.get(SchemaRegistries.URL_CONFIG)));
        }
    }

    @Override
    public byte[] serialize(String topic, T record) {
        if (record == null) {
            return null;
        }
        Writer<T> writer = writers.computeIfAbsent(new Subject(topic, record.getSchema()), s -> new Writer<>(
                registry.register(WireFormat.subject(s.topic(), isKey), s.schema()), new SpecificDatumWriter<>(s.schema())));
        int id = writer.id();
        ByteArrayOutputStream out = new ByteArrayOutputStream(128);
        out.write(WireFormat.MAGIC_BYTE);
        out.write(id >>> 24);
        out.write(id >>> 16);
        out.write(id >>> 8);
        out.write(id);
        try {
            BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(out, null);
            writer.datumWriter().write(record, encoder);
            encoder.flush();
        } catch (IOException | RuntimeException e) {
            throw new SerializationException("Cannot write " + record.getSchema().getFullName() + " for " + topic
                    + ": " + e.getMessage(), e);
        }
        return out.toByteArray();
    }

    private record Subject(String topic, Schema schema) {
    }

    private record Writer<T>(int id, SpecificDatumWriter<T> datumWriter) {
    }
}
