package org.seatreconciler.streams.counting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.seatreconciler.streams.counting.Events.added;
import static org.seatreconciler.streams.counting.Events.removed;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.seatreconciler.avro.MemberRole;
import org.seatreconciler.avro.MembershipEvent;
import org.seatreconciler.avro.OrgSeatCounts;
import org.seatreconciler.avro.OrgSeatDay;
import org.seatreconciler.schemas.Topics;

/**
 * An app upgraded in place from the layout before issue 10 (StoreSerdesTest reads its bytes): the members and
 * the organisation's latest day carry over, the applied ids of the dropped window store do not.
 */
class UpgradeTopologyTest {

    private static final String ORG = "org-7";
    private static final LocalDate NOV_2 = LocalDate.parse("2026-11-02");

    @Test
    void anOrganisationCarriedOverGoesOnFromItsStoredDayAndMembers() {
        try (TopologyFixture t = new TopologyFixture()) {
            // what the previous version left: m-1 and m-2 standard, m-3 support who was an admin until 11:00;
            // the day's peaks (B 3, T 3) are older than its close (B 2, T 3)
            MembershipEvent addM1 = added("e1", ORG, "m-1", "2026-11-02T09:00:00Z", MemberRole.STANDARD);
            carriedOver(t, addM1, added("e2", ORG, "m-2", "2026-11-02T09:10:00Z", MemberRole.STANDARD),
                    added("e3", ORG, "m-3", "2026-11-02T09:20:00Z", MemberRole.SUPPORT));
            Instant lastChange = Instant.parse("2026-11-02T11:00:00Z");
            SeatFigures close = new SeatFigures(2, 1, 0, 0, 2, 1, 3);
            // as a layout-1 latest day reads: the day's last change stands in for the counts' last change
            t.orgStore().put(ORG, new OrgState(new DailySeats(NOV_2, close, 3, 3, lastChange), lastChange));

            t.send(removed("e4", ORG, "m-2", "2026-11-02T13:00:00Z"), addM1);

            assertThat(t.latestCounts().get(ORG)).isEqualTo(new OrgSeatCounts(ORG, 1, 1, 0, 0, 1, 1, 2,
                    Instant.parse("2026-11-02T13:00:00Z")));
            // e1's id was in the dropped window store: applied again, a no-op for the counts, its day re-emitted
            Map<String, OrgSeatDay> daily = t.latestDaily();
            assertThat(daily).containsOnlyKeys(Topics.dailyKey(ORG, NOV_2));
            assertThat(daily.get(Topics.dailyKey(ORG, NOV_2))).isEqualTo(new OrgSeatDay(ORG, NOV_2, 1, 1, 0, 0,
                    1, 1, 2, 3, 3, Instant.parse("2026-11-02T09:00:00Z"), "UTC"));
            assertThat(t.outcomes.applied()).isEqualTo(2);
            assertThat(t.outcomes.duplicates()).isZero();
        }
    }

    /** Members as the previous layout read: their state, no applied ids. */
    private static void carriedOver(TopologyFixture t, MembershipEvent... adds) {
        for (MembershipEvent add : adds) {
            t.memberStore().put(StoreKeys.of(add.getOrgId(), add.getMemberId()),
                    new MemberRecord(MemberState.UNKNOWN.apply(MemberChange.of(add)), AppliedEventIds.NONE));
        }
    }
}
