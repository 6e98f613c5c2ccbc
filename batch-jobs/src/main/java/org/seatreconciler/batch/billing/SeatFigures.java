package org.seatreconciler.batch.billing;

import java.util.Optional;
import java.util.stream.IntStream;

/**
 * One organisation's figures for a billing date (DESIGN.md section 2): the close counts and the
 * peak billable standard (B) and peak total members (T) of the day.
 */
public record SeatFigures(int standard, int support, int admins, int owners, int billableStandard,
        int supportOnly, int totalMembers, int peakBillableStandard, int peakTotalMembers) {

    /**
     * Why these figures cannot be billed, if they cannot: a negative count, or counts that contradict the
     * seat rules of DESIGN.md section 2 (T = B + P = standard + support; every standard member is in B, and
     * so are admins and owners; the peaks of a day are at least its close, and peak B at most peak T). B at
     * most T needs no check of its own: B + P = T with P not negative. A record that breaks them was not
     * computed by the rules, and billing it would charge a number nobody can explain.
     */
    public Optional<String> problem() {
        String problem = null;
        if (IntStream.of(standard, support, admins, owners, billableStandard, supportOnly,
                totalMembers, peakBillableStandard, peakTotalMembers).anyMatch(n -> n < 0)) {
            problem = "a count is negative";
        } else if (billableStandard + supportOnly != totalMembers) {
            problem = "B + P (" + billableStandard + " + " + supportOnly + ") is not T (" + totalMembers + ")";
        } else if (standard + support != totalMembers) {
            problem = "standard + support (" + standard + " + " + support + ") is not T (" + totalMembers + ")";
        } else if (billableStandard < standard) {
            problem = "B (" + billableStandard + ") is below standard (" + standard + ")";
        } else if (admins > billableStandard || owners > billableStandard) {
            problem = "admins (" + admins + ") or owners (" + owners + ") exceed B (" + billableStandard + ")";
        } else if (peakBillableStandard < billableStandard || peakTotalMembers < totalMembers) {
            problem = "a peak (B " + peakBillableStandard + ", T " + peakTotalMembers + ") is below the close (B "
                    + billableStandard + ", T " + totalMembers + ")";
        } else if (peakBillableStandard > peakTotalMembers) {
            problem = "peak B (" + peakBillableStandard + ") exceeds peak T (" + peakTotalMembers + ")";
        }
        return Optional.ofNullable(problem).map(p -> "seat figures fail validation: " + p);
    }

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
