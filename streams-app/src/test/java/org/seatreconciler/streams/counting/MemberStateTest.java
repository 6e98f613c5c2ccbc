package org.seatreconciler.streams.counting;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.seatreconciler.avro.MemberRole;
import org.seatreconciler.avro.MembershipEventType;

/** Last-writer-wins per attribute (DESIGN.md section 4, rule 4). */
class MemberStateTest {

    private static final Instant T0 = Instant.parse("2026-11-02T09:00:00Z");

    @Test
    void memberAddedSetsAllFourAttributesAbsentFlagsMeanFalse() {
        MemberState m = MemberState.UNKNOWN.apply(change(MembershipEventType.MEMBER_ADDED, 0, "e1",
                MemberRole.SUPPORT, null, null));

        assertThat(m.active()).isTrue();
        assertThat(m.role()).isEqualTo(MemberRole.SUPPORT);
        assertThat(m.admin()).isFalse();
        assertThat(m.owner()).isFalse();
        assertThat(m.counts()).isTrue();
    }

    @Test
    void anOlderEventDoesNotOverwriteANewerAttribute() {
        MemberState m = MemberState.UNKNOWN
                .apply(change(MembershipEventType.MEMBER_ADDED, 0, "e1", MemberRole.SUPPORT, null, null))
                .apply(change(MembershipEventType.ROLE_CHANGED, 60, "e3", MemberRole.STANDARD, null, null))
                .apply(change(MembershipEventType.ROLE_CHANGED, 30, "e2", MemberRole.SUPPORT, null, null));

        assertThat(m.role()).isEqualTo(MemberRole.STANDARD);
    }

    @Test
    void sameInstantIsDecidedByEventId() {
        MemberState ab = MemberState.UNKNOWN
                .apply(change(MembershipEventType.ADMIN_CHANGED, 0, "a", null, true, null))
                .apply(change(MembershipEventType.ADMIN_CHANGED, 0, "b", null, false, null));
        MemberState ba = MemberState.UNKNOWN
                .apply(change(MembershipEventType.ADMIN_CHANGED, 0, "b", null, false, null))
                .apply(change(MembershipEventType.ADMIN_CHANGED, 0, "a", null, true, null));

        assertThat(ab.admin()).isFalse();
        assertThat(ba).isEqualTo(ab);
    }

    @Test
    void aLateMemberAddedKeepsNewerFlagsButSetsActive() {
        MemberState m = MemberState.UNKNOWN
                .apply(change(MembershipEventType.ADMIN_CHANGED, 60, "e2", null, true, null))
                .apply(change(MembershipEventType.MEMBER_ADDED, 0, "e1", MemberRole.SUPPORT, false, false));

        assertThat(m.active()).isTrue();
        assertThat(m.admin()).isTrue();
    }

    @Test
    void aLaterRemovalDeactivatesAndALaterAddReactivates() {
        MemberState added = MemberState.UNKNOWN.apply(
                change(MembershipEventType.MEMBER_ADDED, 0, "e1", MemberRole.STANDARD, null, null));
        MemberState removedLate = added.apply(change(MembershipEventType.MEMBER_REMOVED, 60, "e2", null, null, null));
        MemberState reAdded = removedLate.apply(change(MembershipEventType.MEMBER_ADDED, 120, "e3",
                MemberRole.SUPPORT, null, null));

        assertThat(removedLate.counts()).isFalse();
        assertThat(reAdded.counts()).isTrue();
        assertThat(reAdded.role()).isEqualTo(MemberRole.SUPPORT);
    }

    @Test
    void finalStateDoesNotDependOnArrivalOrderOrRedelivery() {
        List<MemberChange> changes = new ArrayList<>(List.of(
                change(MembershipEventType.MEMBER_ADDED, 0, "e1", MemberRole.SUPPORT, null, null),
                change(MembershipEventType.ADMIN_CHANGED, 10, "e2", null, true, null),
                change(MembershipEventType.ROLE_CHANGED, 20, "e3", MemberRole.STANDARD, null, null),
                change(MembershipEventType.OWNER_CHANGED, 30, "e4", null, null, true),
                change(MembershipEventType.MEMBER_REMOVED, 40, "e5", null, null, null),
                change(MembershipEventType.MEMBER_ADDED, 50, "e6", MemberRole.SUPPORT, true, null),
                change(MembershipEventType.ADMIN_CHANGED, 60, "e7", null, false, null)));
        MemberState inOrder = applyAll(changes);
        Random random = new Random(42);
        for (int i = 0; i < 50; i++) {
            List<MemberChange> shuffled = new ArrayList<>(changes);
            shuffled.addAll(changes.subList(0, random.nextInt(changes.size())));
            Collections.shuffle(shuffled, random);

            assertThat(applyAll(shuffled)).isEqualTo(inOrder);
        }
        assertThat(inOrder.counts()).isTrue();
        assertThat(inOrder.role()).isEqualTo(MemberRole.SUPPORT);
        assertThat(inOrder.admin()).isFalse();
        assertThat(inOrder.owner()).isFalse();
    }

    private static MemberState applyAll(List<MemberChange> changes) {
        MemberState m = MemberState.UNKNOWN;
        for (MemberChange c : changes) {
            m = m.apply(c);
        }
        return m;
    }

    private static MemberChange change(MembershipEventType type, int minutes, String eventId, MemberRole role,
                                       Boolean admin, Boolean owner) {
        return new MemberChange(type, new Stamp(T0.plusSeconds(60L * minutes), eventId), role, admin, owner);
    }
}
