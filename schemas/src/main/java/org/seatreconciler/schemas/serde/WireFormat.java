package org.seatreconciler.schemas.serde;

/** The Confluent wire format: magic byte 0, the schema id as a 4-byte big-endian int, Avro binary. */
final class WireFormat {

    static final byte MAGIC_BYTE = 0;
    static final int HEADER_SIZE = 5;

    private WireFormat() {
    }

    static String subject(String topic, boolean isKey) {
        return topic + (isKey ? "-key" : "-value");
    }
}
