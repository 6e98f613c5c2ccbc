package org.seatreconciler.schemas.serde;

import org.apache.kafka.common.errors.SerializationException;

/**
 * Bytes that are not a record in the Confluent wire format of the expected type: wrong magic byte,
 * unknown schema id, truncated or trailing bytes, or Avro the reader schema cannot resolve. The
 * message says which, for the engineer of the publishing system.
 */
public class MalformedPayloadException extends SerializationException {

    public MalformedPayloadException(String message) {
        super(message);
    }

    public MalformedPayloadException(String message, Throwable cause) {
        super(message, cause);
    }
}
