package org.seatreconciler.batch.billing;

/** Which figures of the day seats are billed from (DESIGN.md section 6). */
public enum SeatBasis {
    /** The counts at the close of the billing date. */
    END_OF_DAY,
    /** The peak billable standard and peak total members during the billing date. */
    DAILY_PEAK
}
