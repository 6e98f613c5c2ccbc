package org.seatreconciler.schemas.serde;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.avro.AvroRuntimeException;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.DatumReader;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.seatreconciler.schemas.registry.SchemaRegistries;
import org.seatreconciler.schemas.registry.SchemaRegistryClient;
import org.seatreconciler.schemas.registry.SchemaNotFoundException;
import org.seatreconciler.schemas.registry.UnusableSchemaException;

/**
 * Reads the Confluent wire format into a SpecificRecord of type {@code T}, resolving the writer's
 * schema (fetched by id, cached) against {@code T}'s schema. Anything that is not such a record
 * throws {@link MalformedPayloadException} with what was wrong: too short, a wrong magic byte, an id the
 * registry does not know, an id of a JSON Schema, Protobuf or unparseable schema, a schema of another
 * record or one that does not resolve against {@code T}'s, truncated or trailing bytes. A registry that
 * cannot answer is not the record's fault: that throws
 * {@link org.seatreconciler.schemas.registry.RegistryUnavailableException} (and a refusal such as 401 a
 * plain {@link org.seatreconciler.schemas.registry.SchemaRegistryException}), never a malformed verdict.
 */
public class ConfluentAvroDeserializer<T extends SpecificRecord> implements Deserializer<T> {

    private final Class<T> type;
    private final Schema readerSchema;
    private final Map<Integer, Reader<T>> readers = new ConcurrentHashMap<>();
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
        Reader<T> found = readers.get(id);
        if (found == null) {
            found = readerFor(id);
            readers.put(id, found);
        }
        if (found.malformed() != null) {
            throw new MalformedPayloadException(found.malformed());
        }
        DatumReader<T> reader = found.datumReader();
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

    /**
     * The reader for a writer schema id, or the verdict that records written with it are malformed. Ids
     * never change meaning, so both are kept; an id the registry does not know is asked again each time
     * (random bytes name random ids: keeping those would grow without bound).
     */
    private Reader<T> readerFor(int id) {
        Schema writer;
        try {
            writer = registry.schemaById(id);
        } catch (SchemaNotFoundException e) {
            throw new MalformedPayloadException("Unknown schema id " + id + ": the registry has no such schema", e);
        } catch (UnusableSchemaException e) {
            return Reader.malformed(e.getMessage());
        }
        // RegistryUnavailableException and any other refusal propagate: not the record's fault
        if (writer.getType() != Schema.Type.RECORD || !writer.getFullName().equals(readerSchema.getFullName())) {
            return Reader.malformed("Schema id " + id + " is " + writer.getFullName() + ", not "
                    + readerSchema.getFullName());
        }
        return unresolvable(writer)
                .map(why -> Reader.<T>malformed("Schema id " + id + " (" + writer.getFullName() + ") does not resolve "
                        + "against the reader's schema: " + why))
                .orElseGet(() -> new Reader<>(new SpecificDatumReader<>(writer, readerSchema), null));
    }

    /**
     * Why data written with {@code writer} cannot be read as {@code T}, if it cannot. Enum symbols the
     * reader lacks are left to the records that use them: a writer that added an event type can still
     * send the types this reader knows.
     */
    private Optional<String> unresolvable(Schema writer) {
        SchemaCompatibility.SchemaCompatibilityResult result =
                SchemaCompatibility.checkReaderWriterCompatibility(readerSchema, writer).getResult();
        return result.getIncompatibilities().stream()
                .filter(i -> i.getType() != SchemaCompatibility.SchemaIncompatibilityType.MISSING_ENUM_SYMBOLS)
                .findFirst()
                .map(i -> i.getType() + " at " + i.getLocation() + ": " + i.getMessage());
    }

    /** A datum reader, or (reader null) why records of this schema id are malformed. */
    private record Reader<T>(DatumReader<T> datumReader, String malformed) {
        static <T> Reader<T> malformed(String why) {
            return new Reader<>(null, why);
        }
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
