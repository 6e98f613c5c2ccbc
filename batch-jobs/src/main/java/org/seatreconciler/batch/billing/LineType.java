package org.seatreconciler.batch.billing;

/** The kinds of seat ledger line; the initial is part of the invoice id. */
public enum LineType {
    /** The first of the month: all required seats at the full monthly price. */
    RENEWAL('R'),
    /** Later in the month: the seats above those already bought, prorated. */
    TRUE_UP('T');

    private final char initial;

    LineType(char initial) {
        this.initial = initial;
    }

    public char initial() {
        return initial;
    }
}
