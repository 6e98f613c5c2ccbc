package org.seatreconciler.schemas.registry;

/**
 * The registry has a schema with that id, but it is not one an Avro reader can use: registered as JSON
 * Schema or Protobuf, or Avro text that does not parse. Schema ids never change meaning, so the verdict
 * holds for good: a record written with it is bad input.
 */
public class UnusableSchemaException extends SchemaRegistryException {

    public UnusableSchemaException(String message) {
        super(-1, message);
    }

    public UnusableSchemaException(String message, Throwable cause) {
        super(-1, message, cause);
    }
}
