package org.seatreconciler.local.cli;

/** DESIGN.md section 6: which counts the nightly job bills. */
public enum SeatBasis {
    END_OF_DAY,
    DAILY_PEAK
}
