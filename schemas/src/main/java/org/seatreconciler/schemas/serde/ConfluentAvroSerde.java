package org.seatreconciler.schemas.serde;

import java.util.Map;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.seatreconciler.schemas.registry.SchemaRegistries;
import org.seatreconciler.schemas.registry.SchemaRegistryClient;

/** Serializer and deserializer for one SpecificRecord type, in the Confluent wire format. */
public final class ConfluentAvroSerde {

    private ConfluentAvroSerde() {
    }

    /** A value serde for {@code type} against the registry at {@code registryUrl}. */
    public static <T extends SpecificRecord> Serde<T> forValues(Class<T> type, String registryUrl) {
        return forValues(type, SchemaRegistries.forUrl(registryUrl));
    }

    public static <T extends SpecificRecord> Serde<T> forValues(Class<T> type, SchemaRegistryClient registry) {
        Serde<T> serde = Serdes.serdeFrom(new ConfluentAvroSerializer<>(registry, false),
                new ConfluentAvroDeserializer<>(type, registry));
        serde.configure(Map.of(), false);
        return serde;
    }
}
