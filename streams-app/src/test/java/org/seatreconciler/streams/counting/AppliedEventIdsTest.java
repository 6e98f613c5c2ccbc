package org.seatreconciler.streams.counting;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

/** What a member remembers of the events applied to it (DESIGN.md section 4, rule 2). */
class AppliedEventIdsTest {

    private static final Duration RETENTION = Duration.ofDays(30);
    private static final long T0 = 1_790_000_000_000L;

    @Test
    void anIdIsRememberedForTheRetentionAfterItWasApplied() {
        AppliedEventIds ids = AppliedEventIds.NONE.plus("e1", T0, RETENTION);

        assertThat(ids.contains("e1", T0, RETENTION)).isTrue();
        assertThat(ids.contains("e1", T0 + RETENTION.toMillis(), RETENTION)).isTrue();
        assertThat(ids.contains("e1", T0 + RETENTION.toMillis() + 1, RETENTION)).isFalse();
        assertThat(ids.contains("e2", T0, RETENTION)).isFalse();
    }

    @Test
    void writingDropsTheExpiredIds() {
        AppliedEventIds ids = AppliedEventIds.NONE.plus("e1", T0, RETENTION).plus("e2", T0 + 1000, RETENTION);

        AppliedEventIds later = ids.plus("e3", T0 + RETENTION.toMillis() + 500, RETENTION);

        assertThat(later.ids()).extracting(AppliedEventIds.Applied::eventId).containsExactly("e2", "e3");
        assertThat(later.ids()).extracting(AppliedEventIds.Applied::appliedAtMs)
                .containsExactly(T0 + 1000, T0 + RETENTION.toMillis() + 500);
    }

    @Test
    void aMemberRemembersAtMostTheBoundOfIds_theOldestGoFirst() {
        AppliedEventIds ids = AppliedEventIds.NONE;
        for (int i = 0; i < AppliedEventIds.MAX_PER_MEMBER + 3; i++) {
            ids = ids.plus("e" + i, T0 + i, RETENTION);
        }

        assertThat(ids.ids()).hasSize(AppliedEventIds.MAX_PER_MEMBER);
        assertThat(ids.ids()).extracting(AppliedEventIds.Applied::eventId).containsExactlyElementsOf(
                IntStream.range(3, AppliedEventIds.MAX_PER_MEMBER + 3).mapToObj(i -> "e" + i).toList());
        assertThat(ids.contains("e2", T0 + 100, RETENTION)).isFalse();
        assertThat(ids.contains("e3", T0 + 100, RETENTION)).isTrue();
    }
}
