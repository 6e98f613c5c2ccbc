package org.seatreconciler.streams.counting;

import org.seatreconciler.avro.MemberRole;

/**
 * One member's four last-writer-wins attributes (DESIGN.md section 4, rule 4), each with the stamp of
 * the event that last wrote it. Immutable: {@link #apply} returns the new state. Because every
 * attribute only moves forward in (occurredAt, eventId) order, the final state is the same whatever
 * order the events arrive in and however often they are redelivered.
 */
public record MemberState(boolean active, Stamp activeStamp,
                          MemberRole role, Stamp roleStamp,
                          boolean admin, Stamp adminStamp,
                          boolean owner, Stamp ownerStamp) {

    /** A member no event has touched yet: inactive, no role, neither admin nor owner. */
    public static final MemberState UNKNOWN = new MemberState(false, null, null, null, false, null, false, null);

    /** Applies one event; attributes whose last write is newer than the event stay as they are. */
    public MemberState apply(MemberChange change) {
        Stamp stamp = change.stamp();
        return switch (change.type()) {
            // MEMBER_ADDED sets all four; an absent admin/owner flag means false (section 4)
            case MEMBER_ADDED -> withActive(true, stamp)
                    .withRole(change.role(), stamp)
                    .withAdmin(Boolean.TRUE.equals(change.admin()), stamp)
                    .withOwner(Boolean.TRUE.equals(change.owner()), stamp);
            case MEMBER_REMOVED -> withActive(false, stamp);
            case ROLE_CHANGED -> withRole(change.role(), stamp);
            case ADMIN_CHANGED -> withAdmin(change.admin(), stamp);
            case OWNER_CHANGED -> withOwner(change.owner(), stamp);
        };
    }

    /** A member takes a seat once it is active and has a role. */
    public boolean counts() {
        return active && role != null;
    }

    private MemberState withActive(boolean value, Stamp stamp) {
        return stamp.isAfter(activeStamp)
                ? new MemberState(value, stamp, role, roleStamp, admin, adminStamp, owner, ownerStamp) : this;
    }

    private MemberState withRole(MemberRole value, Stamp stamp) {
        return stamp.isAfter(roleStamp)
                ? new MemberState(active, activeStamp, value, stamp, admin, adminStamp, owner, ownerStamp) : this;
    }

    private MemberState withAdmin(boolean value, Stamp stamp) {
        return stamp.isAfter(adminStamp)
                ? new MemberState(active, activeStamp, role, roleStamp, value, stamp, owner, ownerStamp) : this;
    }

    private MemberState withOwner(boolean value, Stamp stamp) {
        return stamp.isAfter(ownerStamp)
                ? new MemberState(active, activeStamp, role, roleStamp, admin, adminStamp, value, stamp) : this;
    }
}
