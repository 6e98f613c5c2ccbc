package org.seatreconciler.streams.rejection;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * DESIGN.md section 4, rule 1: an event whose occurredAt lies more than the tolerance after the
 * processing time is rejected as FUTURE_TIMESTAMP. One such event would otherwise clamp every later
 * event of its organisation to a far-future day (section 5) and freeze its billing. Judged on the
 * processing (wall-clock) time, so it is the topology's rule alone: the local import publishes such an
 * event and the topology rejects it, as it would one from an HR system.
 */
public final class FutureTimestampRule {

    private FutureTimestampRule() {
    }

    public static Optional<Rejection> check(String eventId, Instant occurredAt, Instant processingTime,
                                            Duration tolerance) {
        if (!occurredAt.isAfter(processingTime.plus(tolerance))) {
            return Optional.empty();
        }
        return Optional.of(new Rejection(RejectionReason.FUTURE_TIMESTAMP, "occurredAt " + occurredAt
                + " is more than " + describe(tolerance) + " after the processing time " + processingTime, eventId));
    }

    private static String describe(Duration tolerance) {
        return tolerance.toString().substring(2).toLowerCase(Locale.ROOT);
    }
}
