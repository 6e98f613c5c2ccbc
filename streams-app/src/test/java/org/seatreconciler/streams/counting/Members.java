package org.seatreconciler.streams.counting;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

import org.seatreconciler.avro.MemberRole;
import org.seatreconciler.avro.MembershipEventType;

/** Builds member states for the unit tests through the same apply path the topology uses. */
final class Members {

    private static final AtomicInteger IDS = new AtomicInteger();
    private static final Instant AT = Instant.parse("2026-11-02T09:00:00Z");

    private Members() {
    }

    static MemberState added(MemberRole role, boolean admin, boolean owner) {
        return MemberState.UNKNOWN.apply(new MemberChange(MembershipEventType.MEMBER_ADDED,
                new Stamp(AT, "e-" + IDS.incrementAndGet()), role, admin, owner));
    }

    static MemberState standard() {
        return added(MemberRole.STANDARD, false, false);
    }

    static MemberState support() {
        return added(MemberRole.SUPPORT, false, false);
    }
}
