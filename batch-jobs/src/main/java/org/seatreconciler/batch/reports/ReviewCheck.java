package org.seatreconciler.batch.reports;

/** The checks of review.csv (DESIGN.md section 6, "Review before sending"). */
public enum ReviewCheck {
    /** Seats required at the previous billed date against D's: a large fall. */
    SEAT_DECREASE,
    /** An invoice line that raises the seats by a lot: a TRUE_UP over the seats bought before in the month, a
     * RENEWAL over the seats bought in the previous month. */
    SEAT_INCREASE
}
