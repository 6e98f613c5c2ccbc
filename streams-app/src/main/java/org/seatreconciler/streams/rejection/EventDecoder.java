package org.seatreconciler.streams.rejection;

import java.util.Optional;

import org.seatreconciler.avro.MembershipEvent;
import org.seatreconciler.schemas.events.Identifiers;
import org.seatreconciler.schemas.events.MembershipEvents;
import org.seatreconciler.schemas.serde.ConfluentAvroDeserializer;
import org.seatreconciler.schemas.serde.MalformedPayloadException;

/**
 * Turns an input record's key and value bytes into a well-formed event or a MALFORMED rejection
 * (DESIGN.md section 4, rule 1). A registry that cannot be reached is not bad input: that exception
 * propagates, and {@code StreamThreadFailureHandler} replaces the stream thread after a pause, which
 * processes the record again from the last commit.
 */
public final class EventDecoder {

    private final ConfluentAvroDeserializer<MembershipEvent> deserializer;

    public EventDecoder(ConfluentAvroDeserializer<MembershipEvent> deserializer) {
        this.deserializer = deserializer;
    }

    /** The outcome of decoding: exactly one of event and rejection is set. */
    public record Decoded(MembershipEvent event, Rejection rejection) {
    }

    public Decoded decode(String topic, String key, byte[] value) {
        if (value == null) {
            return rejected("value is null (a tombstone), expected a MembershipEvent", null);
        }
        MembershipEvent event;
        try {
            event = deserializer.deserialize(topic, value);
        } catch (MalformedPayloadException e) {
            return rejected(e.getMessage(), null);
        }
        Optional<String> malformation = MembershipEvents.malformation(event);
        if (malformation.isPresent()) {
            return rejected(malformation.get(), event.getEventId());
        }
        // all of an organisation's state lives in the task of its key's partition: a record keyed
        // otherwise would count this org's member in another org's task
        if (key == null) {
            return rejected("record key is null, expected the orgId '" + event.getOrgId() + "'", event.getEventId());
        }
        if (!key.equals(event.getOrgId())) {
            // the key is anything a producer sent (line breaks, escapes, megabytes): shown cut and escaped, as
            // the detail goes into the periodic summary log line; the rejected record keeps it whole
            return rejected("record key " + Identifiers.printable(key) + " differs from orgId '" + event.getOrgId()
                    + "'", event.getEventId());
        }
        return new Decoded(event, null);
    }

    private static Decoded rejected(String detail, String eventId) {
        return new Decoded(null, Rejection.malformed(detail, eventId));
    }
}
