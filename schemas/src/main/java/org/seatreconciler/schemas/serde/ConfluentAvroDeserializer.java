package org.seatreconciler.schemas.serde;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.avro.AvroRuntimeException;
import org.apache.avro.Schema;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.DatumReader;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.seatreconciler.schemas.registry.SchemaRegistries;
import org.seatreconciler.schemas.registry.SchemaRegistryClient;
import org.seatreconciler.schemas.registry.SchemaRegistryException;

/**
 * Reads the Confluent wire format into a SpecificRecord of type {@code T}, resolving the writer's
 * schema (fetched by id, cached) against {@code T}'s schema. Anything that is not such a record
 * throws {@link MalformedPayloadException} with what was wrong.
 */
public class ConfluentAvroDeserializer<T extends SpecificRecord> implements Deserializer<T> {

    private final Class<T> type;
    private final Schema readerSchema;
    private final Map<Integer, DatumReader<T>> readers = new ConcurrentHashMap<>();
    private SchemaRegistryClient registry;

    public ConfluentAvroDeserializer(Class<T> type) {
        this(type, null);
    }

    public ConfluentAvroDeserializer(Class<T> type, SchemaRegistryClient registry) {
        this.type = type;
        this.readerSchema = SpecificData.get().getSchema(type);
        this.registry = registry;
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        if (registry == null) {
            registry = SchemaRegistries.forUrl(String.valueOf(configs.get(SchemaRegistries.URL_CONFIG)));
        }
    }

    @Override
    public T deserialize(String topic, byte[] data) {
        if (data == null) {
            return null;
        }
        if (data.length < WireFormat.HEADER_SIZE) {
            throw new MalformedPayloadException("Payload of " + data.length
                    + " bytes is shorter than the 5-byte Confluent header (magic byte, schema id)");
        }
        if (data[0] != WireFormat.MAGIC_BYTE) {
            throw new MalformedPayloadException(String.format(
                    "Unknown magic byte 0x%02x: not the Confluent wire format (expected 0x00)", data[0]));
        }
        int id = ByteBuffer.wrap(data, 1, 4).getInt();
        DatumReader<T> reader = readers.computeIfAbsent(id, this::readerFor);
        BinaryDecoder decoder = DecoderFactory.get().binaryDecoder(data, WireFormat.HEADER_SIZE,
                data.length - WireFormat.HEADER_SIZE, null);
        T record;
        try {
            record = reader.read(null, decoder);
        } catch (IOException | RuntimeException e) {
            throw new MalformedPayloadException("Cannot read " + type.getSimpleName() + " written with schema "
                    + id + " (" + (data.length - WireFormat.HEADER_SIZE) + " bytes of Avro): "
                    + describe(e), e);
        }
        try {
            if (!decoder.isEnd()) {
                throw new MalformedPayloadException("Payload has bytes left over after the " + type.getSimpleName()
                        + " record written with schema " + id);
            }
        } catch (IOException e) {
            throw new MalformedPayloadException("Cannot read payload end: " + e.getMessage(), e);
        }
        return record;
    }

    private DatumReader<T> readerFor(int id) {
        Schema writer;
        try {
            writer = registry.schemaById(id);
        } catch (SchemaRegistryException e) {
            if (e.errorCode() == 40403) {
                throw new MalformedPayloadException("Unknown schema id " + id + ": the registry has no such schema", e);
            }
            throw e;
        }
        if (writer.getType() != Schema.Type.RECORD || !writer.getFullName().equals(readerSchema.getFullName())) {
            throw new MalformedPayloadException("Schema id " + id + " is " + writer.getFullName()
                    + ", not " + readerSchema.getFullName());
        }
        return new SpecificDatumReader<>(writer, readerSchema);
    }

    private static String describe(Throwable e) {
        if (e instanceof java.io.EOFException || e instanceof ArrayIndexOutOfBoundsException) {
            return "payload is truncated";
        }
        if (e instanceof AvroRuntimeException && e.getMessage() != null) {
            return e.getMessage();
        }
        return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    }
}
