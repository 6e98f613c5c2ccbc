package org.seatreconciler.schemas.registry;

import org.apache.avro.Schema;

/** A registry's answer for a schema id (its type and text) turned into an Avro schema, or why it cannot be one. */
final class AvroSchemaText {

    static final String AVRO = "AVRO";

    private AvroSchemaText() {
    }

    /**
     * @param schemaType the registry's {@code schemaType} (absent means AVRO, as in Confluent's API)
     * @throws UnusableSchemaException for JSON Schema, Protobuf or Avro text that does not parse
     */
    static Schema parse(int id, String schemaType, String text) {
        if (!AVRO.equals(schemaType)) {
            throw new UnusableSchemaException("Schema id " + id + " is a " + schemaType + " schema, not Avro");
        }
        try {
            return new Schema.Parser().parse(text);
        } catch (RuntimeException e) { // SchemaParseException, and the parser's own failures on hostile text
            throw new UnusableSchemaException("Schema id " + id + " is not a valid Avro schema: " + e.getMessage(), e);
        }
    }
}
