package org.seatreconciler.local.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.seatreconciler.avro.MembershipEvent;
import org.seatreconciler.schemas.events.InvalidEventException;
import org.seatreconciler.schemas.events.MembershipEvents;
import org.seatreconciler.schemas.registry.SchemaRegistryClient;
import org.seatreconciler.schemas.serde.ConfluentAvroSerializer;

/**
 * The generated events as the topic holds them, serialised once (key: orgId in UTF-8; value: Confluent
 * framed Avro), so the producer ceiling measures the broker, not our serializer. Lines the import
 * would reject (not JSON) are left out, as the import leaves them out of the topic.
 */
record History(List<byte[]> keys, List<byte[]> values) {

    static History of(Path events, SchemaRegistryClient registry, String topic) {
        List<byte[]> keys = new ArrayList<>();
        List<byte[]> values = new ArrayList<>();
        try (ConfluentAvroSerializer<MembershipEvent> serializer = new ConfluentAvroSerializer<>(registry, false);
             BufferedReader reader = Files.newBufferedReader(events, StandardCharsets.UTF_8)) {
            String line;
            while ((line = reader.readLine()) != null) {
                MembershipEvent event;
                try {
                    event = MembershipEvents.fromJson(line);
                } catch (InvalidEventException e) {
                    continue;
                }
                keys.add(event.getOrgId().getBytes(StandardCharsets.UTF_8));
                values.add(serializer.serialize(topic, event));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + events, e);
        }
        return new History(keys, values);
    }

    int size() {
        return values.size();
    }

    /** The mean size of a value in bytes (the record size the ceilings are measured at). */
    double meanValueBytes() {
        return values.stream().mapToInt(v -> v.length).average().orElse(0);
    }

    double meanKeyBytes() {
        return keys.stream().mapToInt(k -> k.length).average().orElse(0);
    }
}
