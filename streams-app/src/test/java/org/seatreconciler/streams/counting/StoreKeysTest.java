package org.seatreconciler.streams.counting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.seatreconciler.streams.counting.Events.added;
import static org.seatreconciler.streams.counting.Events.removed;

import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;
import org.seatreconciler.avro.MemberRole;

class StoreKeysTest {

    @Test
    void idsThatSharedAKeyWithASeparatorDoNot() {
        // org n with member a\0b, and org n\0a with member b: one key under orgId + NUL + id
        assertThat(StoreKeys.legacy("n", "a\u0000b")).isEqualTo(StoreKeys.legacy("n\u0000a", "b"));

        assertThat(StoreKeys.of("n", "a\u0000b")).isEqualTo("1:na\u0000b");
        assertThat(StoreKeys.of("n\u0000a", "b")).isEqualTo("3:n\u0000ab");
        assertThat(StoreKeys.of("org-1", "2:x")).isNotEqualTo(StoreKeys.of("org-12", ":x"));
        assertThat(StoreKeys.of("a:", "b")).isNotEqualTo(StoreKeys.of("a", ":b"));
    }

    @Test
    void anOrganisationsKeysShareItsPrefix() {
        assertThat(StoreKeys.of("org-7", "m-1")).startsWith("5:org-7");
        assertThat(StoreKeys.of("org-70", "m-1")).doesNotStartWith("5:org-7");
    }

    @Test
    void aMemberStoredUnderTheOldKeyIsFoundAndMovedToTheNewOne() {
        try (TopologyFixture t = new TopologyFixture()) {
            // state written by the previous version: m-1 active STANDARD, org figures 1 standard
            MemberState old = MemberState.UNKNOWN.apply(MemberChange.of(
                    added("e1", "org-7", "m-1", "2026-11-02T09:00:00Z", MemberRole.STANDARD)));
            t.memberStore().put(StoreKeys.legacy("org-7", "m-1"), new MemberRecord(old, AppliedEventIds.NONE));
            t.orgStore().put("org-7", OrgState.after(null, MemberState.UNKNOWN, old, Instant.parse(
                    "2026-11-02T09:00:00Z"), ZoneOffset.UTC));
            // a member new to the store first: the organisation's legacy keys must still be looked for after it
            t.send(added("e0", "org-7", "m-0", "2026-11-02T08:00:00Z", MemberRole.STANDARD));
            assertThat(t.latestCounts().get("org-7").getStandard()).isEqualTo(2);

            t.send(removed("e2", "org-7", "m-1", "2026-11-02T10:00:00Z"));

            // the removal found the member: without it, the figures would not have moved (an unknown member)
            assertThat(t.latestCounts().get("org-7").getStandard()).isEqualTo(1);
            assertThat(t.memberStore().get(StoreKeys.legacy("org-7", "m-1"))).isNull();
            assertThat(t.memberStore().get(StoreKeys.of("org-7", "m-1")).state().active()).isFalse();
            assertThat(t.memberStore().get(StoreKeys.of("org-7", "m-1")).state().activeStamp().occurredAt())
                    .isEqualTo(Instant.parse("2026-11-02T10:00:00Z"));
        }
    }
}
