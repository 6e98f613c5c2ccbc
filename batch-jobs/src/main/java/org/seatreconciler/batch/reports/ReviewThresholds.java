package org.seatreconciler.batch.reports;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * When a change of seats is large enough for finance to look at before the invoices go out (DESIGN.md
 * section 6): |after - before| > {@code minChange} and > {@code minShare} x before, both strictly. Both, so
 * that a small organisation doubling (2 -> 4) and a large one moving by a few percent (1000 -> 1030) pass.
 *
 * @param minChange M, in seats ({@value #MIN_CHANGE_SETTING}, default 20)
 * @param minShare  R, a fraction of seats_before ({@value #MIN_SHARE_SETTING}, default 0.5 for 50%)
 */
public record ReviewThresholds(int minChange, BigDecimal minShare) {

    public static final String MIN_CHANGE_SETTING = "seats.billing.review.min-change";
    public static final String MIN_SHARE_SETTING = "seats.billing.review.min-share";

    public ReviewThresholds {
        Objects.requireNonNull(minShare, "minShare");
        if (minChange < 0) {
            throw new IllegalArgumentException(MIN_CHANGE_SETTING + " must not be negative, got " + minChange);
        }
        if (minShare.signum() < 0) {
            throw new IllegalArgumentException(MIN_SHARE_SETTING + " must not be negative (0.5 is 50%), got "
                    + minShare.toPlainString());
        }
    }

    public boolean large(int before, int after) {
        int change = Math.abs(after - before);
        return change > minChange && BigDecimal.valueOf(change).compareTo(minShare.multiply(BigDecimal.valueOf(before))) > 0;
    }

    /** Why a change from {@code before} is large, for review.csv's detail. */
    String why(int before, int after) {
        return "a change of " + Math.abs(after - before) + " is more than " + minChange + " seats and more than "
                + minShare.movePointRight(2).stripTrailingZeros().toPlainString() + "% of " + before;
    }
}
