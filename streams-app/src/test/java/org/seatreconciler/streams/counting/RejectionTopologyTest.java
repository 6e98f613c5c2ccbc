package org.seatreconciler.streams.counting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.seatreconciler.streams.counting.Events.added;
import static org.seatreconciler.streams.counting.Events.roleChanged;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.Test;
import org.seatreconciler.avro.MemberRole;
import org.seatreconciler.avro.MembershipEvent;
import org.seatreconciler.avro.OrgSeatCounts;
import org.seatreconciler.avro.RejectedEvent;
import org.seatreconciler.schemas.Topics;

/** Each rejection reason of DESIGN.md section 4, and duplicates, through the real topology. */
class RejectionTopologyTest {

    private static final String ORG = "org-7";

    @Test
    void undecodableBytesAreRejectedWithTheOriginalPayloadAndSource() {
        try (TopologyFixture t = new TopologyFixture()) {
            byte[] garbage = new byte[40];
            new Random(7).nextBytes(garbage);
            garbage[0] = 0; // right magic byte, then an unknown schema id and noise

            t.sendRaw(ORG, garbage);
            t.sendRaw(ORG, new byte[] {0, 0});

            List<TestRecord<String, RejectedEvent>> rejected = t.rejected();
            assertThat(rejected).hasSize(2);
            RejectedEvent first = rejected.get(0).value();
            assertThat(rejected.get(0).key()).isEqualTo(ORG);
            assertThat(first.getReason()).isEqualTo("MALFORMED");
            assertThat(first.getDetail()).startsWith("Unknown schema id ");
            assertThat(first.getPayload()).isEqualTo(ByteBuffer.wrap(garbage));
            assertThat(first.getEventId()).isNull();
            assertThat(first.getSourceTopic()).isEqualTo(Topics.MEMBERSHIP_EVENTS);
            assertThat(first.getSourcePartition()).isZero();
            assertThat(first.getSourceOffset()).isZero();
            assertThat(rejected.get(1).value().getDetail())
                    .isEqualTo("Payload of 2 bytes is shorter than the 5-byte Confluent header (magic byte, schema id)");
            assertThat(rejected.get(1).value().getSourceOffset()).isEqualTo(1);
            assertThat(t.outcomes.rejected()).isEqualTo(Map.of("MALFORMED", 2L));
            assertThat(t.counts()).isEmpty();
            assertThat(t.daily()).isEmpty();
        }
    }

    @Test
    void aWrongMagicByteIsMalformed_andTheAppKeepsCounting() {
        try (TopologyFixture t = new TopologyFixture()) {
            byte[] valid = t.serialize(added("e1", ORG, "m-1", "2026-11-02T09:00:00Z", MemberRole.STANDARD));
            byte[] wrongMagic = valid.clone();
            wrongMagic[0] = 1;

            t.sendRaw(ORG, wrongMagic);
            t.send(added("e2", ORG, "m-2", "2026-11-02T09:01:00Z", MemberRole.STANDARD));

            RejectedEvent r = single(t.rejected());
            assertThat(r.getReason()).isEqualTo("MALFORMED");
            assertThat(r.getDetail()).isEqualTo("Unknown magic byte 0x01: not the Confluent wire format (expected 0x00)");
            assertThat(t.latestCounts().get(ORG).getTotalMembers()).isEqualTo(1);
            assertThat(t.outcomes.applied()).isEqualTo(1);
        }
    }

    @Test
    void anEmptyRequiredFieldIsMalformed() {
        try (TopologyFixture t = new TopologyFixture()) {
            t.send(added("e1", ORG, "", "2026-11-02T09:00:00Z", MemberRole.STANDARD));

            RejectedEvent r = single(t.rejected());
            assertThat(r.getReason()).isEqualTo("MALFORMED");
            assertThat(r.getDetail()).isEqualTo("memberId is empty");
            assertThat(r.getEventId()).isEqualTo("e1");
            assertThat(t.counts()).isEmpty();
        }
    }

    @Test
    void aMissingRoleIsMalformed() {
        try (TopologyFixture t = new TopologyFixture()) {
            t.send(added("e1", ORG, "m-1", "2026-11-02T09:00:00Z", null));

            RejectedEvent r = single(t.rejected());
            assertThat(r.getReason()).isEqualTo("MALFORMED");
            assertThat(r.getDetail()).isEqualTo("role is required for MEMBER_ADDED");
            assertThat(t.counts()).isEmpty();
            assertThat(t.daily()).isEmpty();
        }
    }

    @Test
    void aKeyThatIsNotTheOrgIdIsMalformed() {
        try (TopologyFixture t = new TopologyFixture()) {
            t.sendKeyed("org-8", added("e1", ORG, "m-1", "2026-11-02T09:00:00Z", MemberRole.STANDARD));
            t.sendKeyed(null, added("e2", ORG, "m-1", "2026-11-02T09:00:00Z", MemberRole.STANDARD));

            List<TestRecord<String, RejectedEvent>> rejected = t.rejected();
            assertThat(rejected).extracting(r -> r.value().getDetail()).containsExactly(
                    "record key 'org-8' differs from orgId 'org-7'",
                    "record key is null, expected the orgId 'org-7'");
            assertThat(rejected.get(0).key()).isEqualTo("org-8");
            assertThat(t.counts()).isEmpty();
        }
    }

    @Test
    void aMemberCannotChangeTheirOwnRole() {
        try (TopologyFixture t = new TopologyFixture()) {
            t.send(added("e1", ORG, "m-1", "2026-11-02T09:00:00Z", MemberRole.SUPPORT, true, false));
            t.counts();

            t.send(roleChanged("e2", ORG, "m-1", "2026-11-02T10:00:00Z", "m-1", MemberRole.STANDARD));

            RejectedEvent r = single(t.rejected());
            assertThat(r.getReason()).isEqualTo("SELF_ROLE_CHANGE");
            assertThat(r.getDetail()).isEqualTo("member m-1 in org org-7 cannot change their own role");
            assertThat(r.getEventId()).isEqualTo("e2");
            assertThat(t.counts()).isEmpty();
        }
    }

    @Test
    void aRoleChangeWithoutActorIsUnauthorised() {
        assertUnauthorised(null, "role change of member m-2 in org org-7: actor is missing");
    }

    @Test
    void aRoleChangeByAnInactiveActorIsUnauthorised() {
        assertUnauthorised("m-gone", "role change of member m-2 in org org-7: actor m-gone is not an active member of the org");
    }

    @Test
    void aRoleChangeByANonAdminIsUnauthorised() {
        assertUnauthorised("m-plain", "role change of member m-2 in org org-7: actor m-plain is not an admin of the org");
    }

    @Test
    void aRoleChangeByAnActiveAdminIsApplied() {
        try (TopologyFixture t = new TopologyFixture()) {
            givenActorsAndATarget(t);

            t.send(roleChanged("e9", ORG, "m-2", "2026-11-02T10:00:00Z", "m-admin", MemberRole.STANDARD));

            assertThat(t.rejected()).isEmpty();
            assertThat(t.latestCounts().get(ORG).getStandard()).isEqualTo(3);
        }
    }

    @Test
    void duplicatesOfAppliedEventsAreIgnoredAndCounted_rejectedIdsAreNotRemembered() {
        try (TopologyFixture t = new TopologyFixture()) {
            MembershipEvent add = added("e1", ORG, "m-1", "2026-11-02T09:00:00Z", MemberRole.STANDARD);
            MembershipEvent badRole = roleChanged("e2", ORG, "m-1", "2026-11-02T10:00:00Z", "m-1", MemberRole.SUPPORT);
            t.send(add, add, badRole);
            t.send(added("e3", ORG, "m-admin", "2026-11-02T09:30:00Z", MemberRole.STANDARD, true, false));

            // the corrected role change reuses the rejected event's id
            t.send(roleChanged("e2", ORG, "m-1", "2026-11-02T10:00:00Z", "m-admin", MemberRole.SUPPORT));
            t.send(add);

            List<TestRecord<String, OrgSeatCounts>> counts = t.counts();
            assertThat(counts).hasSize(3);
            assertThat(counts.get(2).value().getSupport()).isEqualTo(1);
            assertThat(counts.get(2).value().getStandard()).isEqualTo(1);
            assertThat(t.daily()).hasSize(3);
            assertThat(t.outcomes.applied()).isEqualTo(3);
            assertThat(t.outcomes.duplicates()).isEqualTo(2);
            assertThat(t.outcomes.rejected()).isEqualTo(Map.of("SELF_ROLE_CHANGE", 1L));
        }
    }

    @Test
    void aRecordWithAFarFutureTimestampDoesNotMakeDedupForget() {
        try (TopologyFixture t = new TopologyFixture()) {
            MembershipEvent add = added("e1", ORG, "m-1", "2026-11-02T09:00:00Z", MemberRole.STANDARD);
            t.send(add);
            t.sendWithTimestamp(added("e2", ORG, "m-2", "2026-11-02T10:00:00Z", MemberRole.SUPPORT),
                    Instant.parse("2100-01-01T00:00:00Z"));

            t.send(add);

            assertThat(t.outcomes.applied()).isEqualTo(2);
            assertThat(t.outcomes.duplicates()).isEqualTo(1);
        }
    }

    @Test
    void appliedIdsAreForgottenAfterTheDedupRetention() {
        try (TopologyFixture t = new TopologyFixture()) {
            MembershipEvent add = added("e1", ORG, "m-1", "2026-11-02T09:00:00Z", MemberRole.STANDARD);
            t.send(add);
            t.advanceWallClock(TopologySettings.DEFAULT_DEDUP_RETENTION.minusHours(1));
            t.send(add);
            t.advanceWallClock(java.time.Duration.ofHours(2));

            t.send(add);

            // remembered within the retention, forgotten after it: applied again, which
            // last-writer-wins makes harmless (the counts do not change)
            assertThat(t.outcomes.duplicates()).isEqualTo(1);
            assertThat(t.outcomes.applied()).isEqualTo(2);
            assertThat(t.latestCounts().get(ORG).getStandard()).isEqualTo(1);
        }
    }

    @Test
    void anAppliedEventThatChangedNothingIsStillRememberedAsApplied() {
        try (TopologyFixture t = new TopologyFixture()) {
            MembershipEvent stale = Events.removed("e0", ORG, "m-1", "2026-11-02T08:00:00Z");
            t.send(added("e1", ORG, "m-1", "2026-11-02T09:00:00Z", MemberRole.STANDARD), stale);
            t.daily();

            t.send(stale);

            // the removal is older than the add: applied (its day re-emitted) without a change, then a duplicate
            assertThat(t.outcomes.applied()).isEqualTo(2);
            assertThat(t.outcomes.duplicates()).isEqualTo(1);
            assertThat(t.daily()).isEmpty();
            assertThat(t.latestCounts().get(ORG).getStandard()).isEqualTo(1);
        }
    }

    @Test
    void aMemberWithMoreAppliedEventsThanTheBoundForgetsItsOldestIds() {
        try (TopologyFixture t = new TopologyFixture()) {
            MembershipEvent first = added("e0", ORG, "m-1", "2026-11-02T09:00:00Z", MemberRole.STANDARD, false, false);
            t.send(first);
            for (int i = 1; i <= AppliedEventIds.MAX_PER_MEMBER; i++) {
                t.send(Events.adminChanged("e" + i, ORG, "m-1", Instant.parse("2026-11-02T09:00:00Z").plusSeconds(i)
                        .toString(), i % 2 == 1));
            }
            MembershipEvent second = Events.adminChanged("e1", ORG, "m-1", "2026-11-02T09:00:01Z", true);
            t.counts();

            t.send(second, first);

            // e1 is among the last 64 ids: a duplicate; e0 was forgotten: applied again, changing nothing
            assertThat(t.outcomes.duplicates()).isEqualTo(1);
            assertThat(t.outcomes.applied()).isEqualTo(AppliedEventIds.MAX_PER_MEMBER + 2);
            assertThat(t.counts()).isEmpty();
            assertThat(t.latestDaily().get("org-7|2026-11-02").getAdmins()).isZero();
        }
    }

    @Test
    void theSameEventIdInAnotherOrganisationIsNotADuplicate() {
        try (TopologyFixture t = new TopologyFixture()) {
            t.send(added("e1", ORG, "m-1", "2026-11-02T09:00:00Z", MemberRole.STANDARD),
                    added("e1", "org-8", "m-1", "2026-11-02T09:00:00Z", MemberRole.STANDARD));

            assertThat(t.latestCounts()).containsOnlyKeys(ORG, "org-8");
            assertThat(t.outcomes.duplicates()).isZero();
        }
    }

    private static void assertUnauthorised(String actor, String detail) {
        try (TopologyFixture t = new TopologyFixture()) {
            givenActorsAndATarget(t);

            t.send(roleChanged("e9", ORG, "m-2", "2026-11-02T10:00:00Z", actor, MemberRole.STANDARD));

            RejectedEvent r = single(t.rejected());
            assertThat(r.getReason()).isEqualTo("UNAUTHORIZED_ROLE_CHANGE");
            assertThat(r.getDetail()).isEqualTo(detail);
            assertThat(r.getEventId()).isEqualTo("e9");
            assertThat(t.counts()).isEmpty();
            assertThat(t.daily()).isEmpty();
            assertThat(t.outcomes.applied()).isEqualTo(5);
            assertThat(t.outcomes.rejected()).isEqualTo(Map.of("UNAUTHORIZED_ROLE_CHANGE", 1L));
        }
    }

    /** An active admin, a plain standard member, an admin who has left, and a support member m-2. */
    private static void givenActorsAndATarget(TopologyFixture t) {
        t.send(added("a1", ORG, "m-admin", "2026-11-02T08:00:00Z", MemberRole.STANDARD, true, false),
                added("a2", ORG, "m-plain", "2026-11-02T08:01:00Z", MemberRole.STANDARD),
                added("a3", ORG, "m-gone", "2026-11-02T08:02:00Z", MemberRole.STANDARD, true, false),
                Events.removed("a4", ORG, "m-gone", "2026-11-02T08:03:00Z"),
                added("a5", ORG, "m-2", "2026-11-02T08:04:00Z", MemberRole.SUPPORT));
        t.counts();
        t.daily();
    }

    private static RejectedEvent single(List<TestRecord<String, RejectedEvent>> records) {
        assertThat(records).hasSize(1);
        return records.get(0).value();
    }
}
