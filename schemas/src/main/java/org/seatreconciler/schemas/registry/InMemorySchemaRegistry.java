package org.seatreconciler.schemas.registry;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.avro.Schema;

/**
 * A registry held in memory, for tests and the embedded local mode. Like the real one, a schema
 * gets one global id however many subjects it is registered under, and ids start at 1.
 * {@code mock://scope} URLs share one instance per scope within the JVM, so every serializer and
 * deserializer of a local run resolves the same ids.
 */
public final class InMemorySchemaRegistry implements SchemaRegistryClient {

    private static final Map<String, InMemorySchemaRegistry> SCOPES = new ConcurrentHashMap<>();

    private final Map<String, Integer> idsBySchema = new HashMap<>();
    private final List<Schema> schemasById = new ArrayList<>();
    private final Map<String, List<Integer>> versionsBySubject = new HashMap<>();
    private final Map<Integer, String[]> foreign = new HashMap<>();

    public static InMemorySchemaRegistry scope(String scope) {
        return SCOPES.computeIfAbsent(scope, s -> new InMemorySchemaRegistry());
    }

    /** Forgets a scope, so a test can start from an empty registry. */
    public static void drop(String scope) {
        SCOPES.remove(scope);
    }

    @Override
    public synchronized int register(String subject, Schema schema) {
        int id = idsBySchema.computeIfAbsent(schema.toString(), s -> {
            schemasById.add(schema);
            return schemasById.size();
        });
        List<Integer> versions = versionsBySubject.computeIfAbsent(subject, s -> new ArrayList<>());
        if (!versions.contains(id)) {
            versions.add(id);
        }
        return id;
    }

    /**
     * Registers a schema as the registry would keep it for another reader: JSON Schema, Protobuf, or Avro
     * text that does not parse. Its id then answers {@link UnusableSchemaException}, as
     * {@link RestSchemaRegistryClient} does for such an answer.
     */
    public synchronized int registerForeign(String subject, String schemaType, String text) {
        int id = schemasById.size() + 1;
        schemasById.add(null);
        foreign.put(id, new String[] {schemaType, text});
        versionsBySubject.computeIfAbsent(subject, s -> new ArrayList<>()).add(id);
        return id;
    }

    @Override
    public synchronized Schema schemaById(int id) {
        if (id < 1 || id > schemasById.size()) {
            throw new SchemaNotFoundException("Schema " + id + " not found");
        }
        String[] other = foreign.get(id);
        return other == null ? schemasById.get(id - 1) : AvroSchemaText.parse(id, other[0], other[1]);
    }

    /** Ids registered under the subject, oldest first. */
    public synchronized List<Integer> versions(String subject) {
        return List.copyOf(versionsBySubject.getOrDefault(subject, List.of()));
    }
}
