package org.seatreconciler.schemas.registry;

/** The registry has no schema with the id a record names (Confluent's error 40403): the record is bad input. */
public class SchemaNotFoundException extends SchemaRegistryException {

    public SchemaNotFoundException(String message) {
        super(SCHEMA_NOT_FOUND, message);
    }
}
