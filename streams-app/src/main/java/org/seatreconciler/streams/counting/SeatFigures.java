package org.seatreconciler.streams.counting;

import java.util.Collection;

import org.seatreconciler.avro.MemberRole;

/**
 * The seat figures of DESIGN.md section 2 for one organisation. Kept incrementally: an event changes
 * one member, so the organisation's figures move by that member's contribution after minus before,
 * which costs O(1) instead of a recount of all members.
 */
public record SeatFigures(int standard, int support, int admins, int owners,
                          int billableStandard, int supportOnly, int totalMembers) {

    public static final SeatFigures ZERO = new SeatFigures(0, 0, 0, 0, 0, 0, 0);

    /** The figures of a set of members, counted from scratch (the definition; tests use it). */
    public static SeatFigures of(Collection<MemberState> members) {
        SeatFigures sum = ZERO;
        for (MemberState member : members) {
            sum = sum.plus(contributionOf(member));
        }
        return sum;
    }

    /** What one member adds to its organisation's figures: zeros unless it is active with a role. */
    public static SeatFigures contributionOf(MemberState member) {
        if (!member.counts()) {
            return ZERO;
        }
        boolean standardRole = member.role() == MemberRole.STANDARD;
        // admins and owners are billed as standard seats whatever their role
        boolean billedAsStandard = standardRole || member.admin() || member.owner();
        return new SeatFigures(
                standardRole ? 1 : 0,
                standardRole ? 0 : 1,
                member.admin() ? 1 : 0,
                member.owner() ? 1 : 0,
                billedAsStandard ? 1 : 0,
                billedAsStandard ? 0 : 1,
                1);
    }

    /** These figures after one member changed from {@code before} to {@code after}. */
    public SeatFigures change(MemberState before, MemberState after) {
        return minus(contributionOf(before)).plus(contributionOf(after));
    }

    public SeatFigures plus(SeatFigures o) {
        return new SeatFigures(standard + o.standard, support + o.support, admins + o.admins, owners + o.owners,
                billableStandard + o.billableStandard, supportOnly + o.supportOnly, totalMembers + o.totalMembers);
    }

    public SeatFigures minus(SeatFigures o) {
        return new SeatFigures(standard - o.standard, support - o.support, admins - o.admins, owners - o.owners,
                billableStandard - o.billableStandard, supportOnly - o.supportOnly, totalMembers - o.totalMembers);
    }
}
