package org.seatreconciler.streams.rejection;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.seatreconciler.avro.MemberRole;
import org.seatreconciler.avro.MembershipEventType;
import org.seatreconciler.streams.counting.MemberChange;
import org.seatreconciler.streams.counting.MemberState;
import org.seatreconciler.streams.counting.Stamp;

class RoleChangeRuleTest {

    private static final MemberState ACTIVE_ADMIN = member(true);
    private static final MemberState ACTIVE_NON_ADMIN = member(false);

    @Test
    void anActiveAdminOtherThanTheMemberMayChangeARole() {
        assertThat(RoleChangeRule.check("e1", "org", "m-2", "m-1", ACTIVE_ADMIN)).isEmpty();
    }

    @Test
    void selfChangeIsRejectedEvenForAnAdmin() {
        Rejection r = RoleChangeRule.check("e1", "org", "m-1", "m-1", ACTIVE_ADMIN).orElseThrow();

        assertThat(r).isEqualTo(new Rejection(RejectionReason.SELF_ROLE_CHANGE,
                "member m-1 in org org cannot change their own role", "e1"));
    }

    @Test
    void missingEmptyInactiveOrNonAdminActorsAreUnauthorised() {
        assertThat(RoleChangeRule.check("e1", "org", "m-2", null, MemberState.UNKNOWN).orElseThrow().detail())
                .isEqualTo("role change of member m-2 in org org: actor is missing");
        assertThat(RoleChangeRule.check("e1", "org", "m-2", "", MemberState.UNKNOWN).orElseThrow().reason())
                .isEqualTo(RejectionReason.UNAUTHORIZED_ROLE_CHANGE);
        assertThat(RoleChangeRule.check("e1", "org", "m-2", "m-9", MemberState.UNKNOWN).orElseThrow().detail())
                .isEqualTo("role change of member m-2 in org org: actor m-9 is not an active member of the org");
        assertThat(RoleChangeRule.check("e1", "org", "m-2", "m-3", ACTIVE_NON_ADMIN).orElseThrow().detail())
                .isEqualTo("role change of member m-2 in org org: actor m-3 is not an admin of the org");
    }

    private static MemberState member(boolean admin) {
        return MemberState.UNKNOWN.apply(new MemberChange(MembershipEventType.MEMBER_ADDED,
                new Stamp(Instant.parse("2026-11-02T09:00:00Z"), "add"), MemberRole.STANDARD, admin, false));
    }
}
