package org.seatreconciler.streams.counting;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

/** An organisation's state after an applied event: counts, when they last changed, and the latest day. */
class OrgStateTest {

    private static final ZoneId UTC = ZoneId.of("UTC");
    private static final Instant NINE = Instant.parse("2026-11-02T09:00:00Z");
    private static final Instant TEN = Instant.parse("2026-11-02T10:00:00Z");

    @Test
    void theFirstEventStartsTheDayFromZerosAndSetsTheCountsTime() {
        OrgState org = OrgState.after(null, MemberState.UNKNOWN, Members.standard(), NINE, UTC);

        assertThat(org.figures()).isEqualTo(new SeatFigures(1, 0, 0, 0, 1, 0, 1));
        assertThat(org.countsChangedAt()).isEqualTo(NINE);
        assertThat(org.latestDay()).isEqualTo(new DailySeats(LocalDate.parse("2026-11-02"), org.figures(), 1, 1, NINE));
    }

    @Test
    void anEventThatChangesNoFigureKeepsTheCountsTimeButMovesTheDaysLastChange() {
        MemberState member = Members.standard();
        OrgState first = OrgState.after(null, MemberState.UNKNOWN, member, NINE, UTC);

        OrgState second = OrgState.after(first, member, member, TEN, UTC);

        assertThat(second.figures()).isEqualTo(first.figures());
        assertThat(second.countsChangedAt()).isEqualTo(NINE);
        assertThat(second.latestDay().lastChangedAt()).isEqualTo(TEN);
        assertThat(second.sameCountsAs(first)).isTrue();
    }

    @Test
    void anOrganisationWhoseCountsNeverChangedHasNone() {
        OrgState org = OrgState.after(null, MemberState.UNKNOWN, MemberState.UNKNOWN, NINE, UTC);

        assertThat(org.hasCounts()).isFalse();
        assertThat(org.figures()).isEqualTo(SeatFigures.ZERO);
        assertThat(org.latestDay().day()).isEqualTo(LocalDate.parse("2026-11-02"));
    }

    @Test
    void theSameFiguresAtAnotherTimeAreOtherCounts() {
        MemberState member = Members.standard();
        OrgState added = OrgState.after(null, MemberState.UNKNOWN, member, NINE, UTC);
        OrgState removed = OrgState.after(added, member, MemberState.UNKNOWN, TEN, UTC);

        OrgState addedAgain = OrgState.after(removed, MemberState.UNKNOWN, member, TEN.plusSeconds(60), UTC);

        assertThat(addedAgain.figures()).isEqualTo(added.figures());
        assertThat(addedAgain.sameCountsAs(added)).isFalse();
    }
}
