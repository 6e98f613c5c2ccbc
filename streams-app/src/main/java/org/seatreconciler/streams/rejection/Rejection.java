package org.seatreconciler.streams.rejection;

import java.util.Objects;

/**
 * The verdict on a record that is not applied: the reason, a detail for the engineer of the publishing
 * system (ids only, never names or emails), and the eventId when the record could be decoded.
 */
public record Rejection(RejectionReason reason, String detail, String eventId) {

    public Rejection {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(detail, "detail");
    }

    public static Rejection malformed(String detail, String eventId) {
        return new Rejection(RejectionReason.MALFORMED, detail, eventId);
    }
}
