package org.seatreconciler.schemas.registry;

import org.apache.avro.Schema;

/**
 * The two calls of the Confluent Schema Registry API that the serde needs. Implementations cache,
 * so a call per record is cheap after the first.
 */
public interface SchemaRegistryClient {

    /** Registers the schema under the subject (idempotent) and returns its global id. */
    int register(String subject, Schema schema);

    /** The schema with this global id; throws {@link SchemaRegistryException} when there is none. */
    Schema schemaById(int id);
}
