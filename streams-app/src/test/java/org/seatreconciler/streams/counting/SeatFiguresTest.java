package org.seatreconciler.streams.counting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.seatreconciler.streams.counting.Members.added;
import static org.seatreconciler.streams.counting.Members.standard;
import static org.seatreconciler.streams.counting.Members.support;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import org.seatreconciler.avro.MemberRole;

/** The worked examples of DESIGN.md section 2 (the figures B, P, T; S lives in the batch module). */
class SeatFiguresTest {

    @Test
    void tenStandardAndSixteenSupport() {
        SeatFigures f = SeatFigures.of(members(10, 16));

        assertThat(f).isEqualTo(new SeatFigures(10, 16, 0, 0, 10, 16, 26));
    }

    @Test
    void tenStandardAndFiveSupport() {
        SeatFigures f = SeatFigures.of(members(10, 5));

        assertThat(f).isEqualTo(new SeatFigures(10, 5, 0, 0, 10, 5, 15));
    }

    @Test
    void supportAdminsAreBilledAsStandard() {
        List<MemberState> members = members(10, 14);
        members.add(added(MemberRole.SUPPORT, true, false));
        members.add(added(MemberRole.SUPPORT, true, false));

        SeatFigures f = SeatFigures.of(members);

        assertThat(f).isEqualTo(new SeatFigures(10, 16, 2, 0, 12, 14, 26));
    }

    @Test
    void aSupportOwnerIsBilledAsStandard() {
        List<MemberState> members = members(3, 0);
        members.add(added(MemberRole.SUPPORT, false, true));

        SeatFigures f = SeatFigures.of(members);

        assertThat(f).isEqualTo(new SeatFigures(3, 1, 0, 1, 4, 0, 4));
    }

    @Test
    void noMembersNoSeats() {
        assertThat(SeatFigures.of(List.of())).isEqualTo(SeatFigures.ZERO);
        assertThat(SeatFigures.ZERO).isEqualTo(new SeatFigures(0, 0, 0, 0, 0, 0, 0));
    }

    @Test
    void aStandardAdminOwnerCountsOnceInBAndInBothFlags() {
        SeatFigures f = SeatFigures.of(List.of(added(MemberRole.STANDARD, true, true)));

        assertThat(f).isEqualTo(new SeatFigures(1, 0, 1, 1, 1, 0, 1));
    }

    @Test
    void inactiveOrRolelessMembersDoNotCount() {
        MemberState removed = standard().apply(new MemberChange(
                org.seatreconciler.avro.MembershipEventType.MEMBER_REMOVED,
                new Stamp(java.time.Instant.parse("2026-11-03T00:00:00Z"), "rm"), null, null, null));

        assertThat(SeatFigures.contributionOf(removed)).isEqualTo(SeatFigures.ZERO);
        assertThat(SeatFigures.contributionOf(MemberState.UNKNOWN)).isEqualTo(SeatFigures.ZERO);
    }

    @Test
    void incrementalChangeEqualsARecount() {
        List<MemberState> members = members(10, 16);
        SeatFigures running = SeatFigures.of(members);
        MemberState before = members.get(12);
        MemberState after = added(MemberRole.SUPPORT, true, false);
        members.set(12, after);

        assertThat(running.change(before, after)).isEqualTo(SeatFigures.of(members))
                .isEqualTo(new SeatFigures(10, 16, 1, 0, 11, 15, 26));
    }

    private static List<MemberState> members(int standard, int support) {
        List<MemberState> members = new ArrayList<>();
        add(members, standard, Members::standard);
        add(members, support, Members::support);
        return members;
    }

    private static void add(List<MemberState> members, int n, Supplier<MemberState> member) {
        for (int i = 0; i < n; i++) {
            members.add(member.get());
        }
    }
}
