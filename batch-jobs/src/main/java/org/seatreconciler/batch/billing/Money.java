package org.seatreconciler.batch.billing;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.Objects;

/**
 * An amount in a currency, always held at the currency's minor unit. Rounding to that unit happens
 * here and nowhere else: {@link #of} and {@link #prorate} round once, HALF_UP.
 */
public record Money(BigDecimal amount, Currency currency) {

    public static final RoundingMode ROUNDING = RoundingMode.HALF_UP;

    public Money {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(currency, "currency");
        if (amount.scale() != minorDigits(currency)) {
            throw new IllegalArgumentException("Amount " + amount + " does not have the " + minorDigits(currency)
                    + " minor digits of " + currency);
        }
    }

    /** {@code amount} rounded once to the currency's minor unit. */
    public static Money of(BigDecimal amount, Currency currency) {
        return new Money(amount.setScale(minorDigits(currency), ROUNDING), currency);
    }

    public static Money of(String amount, String currencyCode) {
        return of(new BigDecimal(amount), Currency.getInstance(currencyCode));
    }

    public static Money zero(Currency currency) {
        return of(BigDecimal.ZERO, currency);
    }

    /**
     * This unit price x quantity x numerator / denominator, computed exactly and rounded once: the
     * single division is done with the rounding, so no intermediate result is ever rounded.
     */
    public Money prorate(long quantity, long numerator, long denominator) {
        if (denominator <= 0) {
            throw new IllegalArgumentException("denominator must be positive: " + denominator);
        }
        BigDecimal product = amount.multiply(BigDecimal.valueOf(quantity)).multiply(BigDecimal.valueOf(numerator));
        return new Money(product.divide(BigDecimal.valueOf(denominator), minorDigits(currency), ROUNDING), currency);
    }

    /** This unit price x quantity (exact: no rounding needed). */
    public Money times(long quantity) {
        return prorate(quantity, 1, 1);
    }

    public Money plus(Money other) {
        if (!currency.equals(other.currency)) {
            throw new IllegalArgumentException("Cannot add " + other.currency + " to " + currency);
        }
        return new Money(amount.add(other.amount), currency);
    }

    /** The amount with exactly the currency's minor digits, e.g. {@code 12.50}. */
    public String toPlainString() {
        return amount.toPlainString();
    }

    /** The digits after the decimal point of the currency's minor unit (2 for USD, 0 for JPY). */
    public static int minorDigits(Currency currency) {
        // Pseudo-currencies (XXX) report -1; treat them as having no minor unit.
        return Math.max(0, currency.getDefaultFractionDigits());
    }

    @Override
    public String toString() {
        return toPlainString() + " " + currency.getCurrencyCode();
    }
}
