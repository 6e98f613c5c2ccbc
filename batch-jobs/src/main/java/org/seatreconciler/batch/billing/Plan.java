package org.seatreconciler.batch.billing;

import java.util.Objects;

/**
 * A plan of the catalogue: {@code supportRatio} free support seats come with every standard seat,
 * {@code unitPrice} is the monthly price of one standard seat.
 */
public record Plan(String code, int supportRatio, Money unitPrice) {

    public Plan {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(unitPrice, "unitPrice");
        if (supportRatio < 0) {
            throw new IllegalArgumentException("Plan " + code + ": support ratio must not be negative: " + supportRatio);
        }
        if (unitPrice.amount().signum() < 0) {
            throw new IllegalArgumentException("Plan " + code + ": price must not be negative: " + unitPrice);
        }
    }
}
