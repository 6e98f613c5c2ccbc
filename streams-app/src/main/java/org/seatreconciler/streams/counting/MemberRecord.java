package org.seatreconciler.streams.counting;

import java.util.Objects;

/** A member as {@code member-state-store} keeps it: its state and the ids of the events applied to it. */
public record MemberRecord(MemberState state, AppliedEventIds applied) {

    /** A member no event has touched yet. */
    public static final MemberRecord UNKNOWN = new MemberRecord(MemberState.UNKNOWN, AppliedEventIds.NONE);

    public MemberRecord {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(applied, "applied");
    }
}
