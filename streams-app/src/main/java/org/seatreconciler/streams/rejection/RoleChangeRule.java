package org.seatreconciler.streams.rejection;

import java.util.Optional;

import org.seatreconciler.streams.counting.MemberState;

/**
 * The role-change rule of DESIGN.md sections 2 and 4: a ROLE_CHANGED must name an actor who is an
 * active admin of the same organisation and is not the member themself. It is judged on the state at
 * processing time, so it is the one rule whose outcome can depend on arrival order.
 */
public final class RoleChangeRule {

    private RoleChangeRule() {
    }

    /**
     * @param actor the actor's current state in the member's organisation ({@link MemberState#UNKNOWN}
     *              when the organisation has never heard of them); ignored when the actor is missing
     */
    public static Optional<Rejection> check(String eventId, String orgId, String memberId, String actorId,
                                            MemberState actor) {
        if (actorId == null || actorId.isEmpty()) {
            return Optional.of(new Rejection(RejectionReason.UNAUTHORIZED_ROLE_CHANGE,
                    "role change of member " + memberId + " in org " + orgId + ": actor is missing", eventId));
        }
        if (actorId.equals(memberId)) {
            return Optional.of(new Rejection(RejectionReason.SELF_ROLE_CHANGE,
                    "member " + memberId + " in org " + orgId + " cannot change their own role", eventId));
        }
        if (!actor.counts()) {
            return Optional.of(new Rejection(RejectionReason.UNAUTHORIZED_ROLE_CHANGE,
                    "role change of member " + memberId + " in org " + orgId + ": actor " + actorId
                            + " is not an active member of the org", eventId));
        }
        if (!actor.admin()) {
            return Optional.of(new Rejection(RejectionReason.UNAUTHORIZED_ROLE_CHANGE,
                    "role change of member " + memberId + " in org " + orgId + ": actor " + actorId
                            + " is not an admin of the org", eventId));
        }
        return Optional.empty();
    }
}
