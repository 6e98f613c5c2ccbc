package org.seatreconciler.streams.counting;

import java.time.Instant;

import org.seatreconciler.avro.MemberRole;
import org.seatreconciler.avro.MembershipEvent;
import org.seatreconciler.avro.MembershipEventType;

/** Membership events for tests, one factory per event type. */
public final class Events {

    private Events() {
    }

    public static MembershipEvent added(String eventId, String org, String member, String at, MemberRole role,
                                        Boolean admin, Boolean owner) {
        return base(eventId, MembershipEventType.MEMBER_ADDED, org, member, at).setRole(role).setAdmin(admin)
                .setOwner(owner).build();
    }

    public static MembershipEvent added(String eventId, String org, String member, String at, MemberRole role) {
        return added(eventId, org, member, at, role, null, null);
    }

    public static MembershipEvent removed(String eventId, String org, String member, String at) {
        return base(eventId, MembershipEventType.MEMBER_REMOVED, org, member, at).build();
    }

    public static MembershipEvent roleChanged(String eventId, String org, String member, String at, String actor,
                                              MemberRole role) {
        return base(eventId, MembershipEventType.ROLE_CHANGED, org, member, at).setActorId(actor).setRole(role)
                .build();
    }

    public static MembershipEvent adminChanged(String eventId, String org, String member, String at, boolean admin) {
        return base(eventId, MembershipEventType.ADMIN_CHANGED, org, member, at).setAdmin(admin).build();
    }

    private static MembershipEvent.Builder base(String eventId, MembershipEventType type, String org, String member,
                                                String at) {
        return MembershipEvent.newBuilder().setEventId(eventId).setType(type).setOrgId(org).setMemberId(member)
                .setOccurredAt(Instant.parse(at));
    }
}
