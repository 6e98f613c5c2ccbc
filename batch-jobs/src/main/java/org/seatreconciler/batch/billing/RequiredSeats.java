package org.seatreconciler.batch.billing;

/**
 * The seat rule of DESIGN.md section 2: with {@code r} free support seats bundled with every
 * standard seat, an organisation must buy {@code S = max(B, ceil(T / (1 + r)))} standard seats and
 * gets {@code S * r} support seats with them.
 */
public record RequiredSeats(int billableStandard, int totalMembers, int supportRatio, int seats) {

    public static RequiredSeats of(int billableStandard, int totalMembers, int supportRatio) {
        if (billableStandard < 0 || totalMembers < billableStandard) {
            throw new IllegalArgumentException("Need 0 <= B <= T, got B=" + billableStandard + " T=" + totalMembers);
        }
        if (supportRatio < 0) {
            throw new IllegalArgumentException("Support ratio must not be negative: " + supportRatio);
        }
        int coverage = 1 + supportRatio;
        int covered = Math.floorDiv(totalMembers + coverage - 1, coverage);
        return new RequiredSeats(billableStandard, totalMembers, supportRatio, Math.max(billableStandard, covered));
    }

    public int supportOnly() {
        return totalMembers - billableStandard;
    }

    public int includedSupportSeats() {
        return seats * supportRatio;
    }
}
