package org.seatreconciler.streams.counting;

import java.util.Objects;

import org.seatreconciler.avro.MemberRole;
import org.seatreconciler.avro.MembershipEvent;
import org.seatreconciler.avro.MembershipEventType;

/**
 * What one well-formed membership event asks to change about its member, with the stamp it writes.
 * {@code role}, {@code admin} and {@code owner} are the event's values (null when the event type does
 * not carry them).
 */
public record MemberChange(MembershipEventType type, Stamp stamp, MemberRole role, Boolean admin, Boolean owner) {

    public MemberChange {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(stamp, "stamp");
    }

    public static MemberChange of(MembershipEvent event) {
        return new MemberChange(event.getType(), new Stamp(event.getOccurredAt(), event.getEventId()),
                event.getRole(), event.getAdmin(), event.getOwner());
    }
}
