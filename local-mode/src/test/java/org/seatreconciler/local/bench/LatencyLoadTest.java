package org.seatreconciler.local.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.seatreconciler.avro.MembershipEvent;
import org.seatreconciler.avro.MembershipEventType;

class LatencyLoadTest {

    private static final Instant START = Instant.parse("2026-11-30T05:00:00Z");

    @Test
    void everyEventChangesItsOrganisationsCountAndNamesItselfByItsTime() {
        LatencyLoad load = new LatencyLoad(3, START);
        Map<String, Set<String>> active = new HashMap<>();
        for (int i = 0; i < 3 * 60; i++) {
            MembershipEvent event = load.event(i);
            assertThat(event.getOrgId()).isEqualTo(LatencyLoad.orgId(i % 3));
            assertThat(load.eventAt(event.getOccurredAt())).isEqualTo(i);
            Set<String> members = active.computeIfAbsent(event.getOrgId(), o -> new HashSet<>());
            int before = members.size();
            if (event.getType() == MembershipEventType.MEMBER_ADDED) {
                assertThat(members.add(event.getMemberId())).as("a new member").isTrue();
            } else {
                assertThat(event.getType()).isEqualTo(MembershipEventType.MEMBER_REMOVED);
                assertThat(members.remove(event.getMemberId())).as("an active member leaves").isTrue();
            }
            assertThat(members.size()).as("event %d changes the count", i).isNotEqualTo(before);
        }
        // each organisation grew to 20 members, then alternated leave and join: 60 events each
        assertThat(active.values()).allSatisfy(members -> assertThat(members).hasSize(LatencyLoad.MEMBERS));
    }

    @Test
    void theFirstMemberIsTheAdminOwnerAndStays() {
        LatencyLoad load = new LatencyLoad(1, START);
        MembershipEvent first = load.event(0);
        assertThat(first.getAdmin()).isTrue();
        assertThat(first.getOwner()).isTrue();
        for (int i = 1; i < 200; i++) {
            MembershipEvent event = load.event(i);
            if (event.getType() == MembershipEventType.MEMBER_REMOVED) {
                assertThat(event.getMemberId()).isNotEqualTo(first.getMemberId());
            }
        }
    }

    @Test
    void timesBeforeTheLoadStartNameNoEvent() {
        LatencyLoad load = new LatencyLoad(2, START);

        assertThat(load.eventAt(START.minusMillis(1))).isEqualTo(-1);
        assertThat(load.eventAt(START.plusMillis(41))).isEqualTo(41);
    }
}
