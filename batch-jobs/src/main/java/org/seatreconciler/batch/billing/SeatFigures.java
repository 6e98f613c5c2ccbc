package org.seatreconciler.batch.billing;

/**
 * One organisation's figures for a billing date (DESIGN.md section 2): the close counts and the
 * peak billable standard (B) and peak total members (T) of the day.
 */
public record SeatFigures(int standard, int support, int admins, int owners, int billableStandard,
        int supportOnly, int totalMembers, int peakBillableStandard, int peakTotalMembers) {

    /** The close counts of an earlier day: its close also stands for the peaks of a day with no change. */
    public SeatFigures withPeaksAtClose() {
        return new SeatFigures(standard, support, admins, owners, billableStandard, supportOnly, totalMembers,
                billableStandard, totalMembers);
    }

    /** B the seats are computed from under {@code basis}. */
    public int billableStandard(SeatBasis basis) {
        return basis == SeatBasis.DAILY_PEAK ? peakBillableStandard : billableStandard;
    }

    /** T the seats are computed from under {@code basis}. */
    public int totalMembers(SeatBasis basis) {
        return basis == SeatBasis.DAILY_PEAK ? peakTotalMembers : totalMembers;
    }
}
