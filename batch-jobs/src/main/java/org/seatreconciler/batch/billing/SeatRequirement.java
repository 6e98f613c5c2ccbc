package org.seatreconciler.batch.billing;

import java.util.Objects;

/**
 * The terms an organisation was billed on for a date and the seats they required: the seat basis, the plan's
 * support ratio r and monthly price per seat, and S. Kept with the seat snapshot in the ledger, so finance's
 * reports of a date (reconciliation, review, an explanation) come from the ledger alone and stay the same
 * when the catalogue or the seat basis is changed later.
 */
public record SeatRequirement(SeatBasis seatBasis, int supportRatio, int requiredSeats, Money unitPrice) {

    public SeatRequirement {
        Objects.requireNonNull(seatBasis, "seatBasis");
        Objects.requireNonNull(unitPrice, "unitPrice");
    }

    static SeatRequirement of(SeatBasis seatBasis, Plan plan, RequiredSeats required) {
        return new SeatRequirement(seatBasis, plan.supportRatio(), required.seats(), plan.unitPrice());
    }

    /** B the seats were computed from: the close, or the peak under DAILY_PEAK. */
    public int billableStandard(SeatFigures figures) {
        return figures.billableStandard(seatBasis);
    }

    /** T the seats were computed from. */
    public int totalMembers(SeatFigures figures) {
        return figures.totalMembers(seatBasis);
    }

    public int includedSupportSeats() {
        return requiredSeats * supportRatio;
    }
}
