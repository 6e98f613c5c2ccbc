package org.seatreconciler.batch.billing;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * One organisation never stops the night, but many do (DESIGN.md section 6): when more than a share of
 * the organisations cannot be billed, something is wrong with the input or the settings rather than with
 * a few organisations, and billing the rest would send finance a night with holes in it.
 */
public final class NotBilledShare {

    public static final String SETTING = "seats.billing.max-not-billed-share";
    private static final int REASONS_SHOWN = 3;

    private final BigDecimal maxShare;

    /** @param maxShare a fraction, 0.01 for 1% */
    public NotBilledShare(BigDecimal maxShare) {
        if (maxShare.signum() < 0 || maxShare.compareTo(BigDecimal.ONE) > 0) {
            throw new IllegalArgumentException(SETTING + " must be between 0 and 1 (0.01 is 1%), got " + maxShare);
        }
        this.maxShare = maxShare;
    }

    /**
     * Why the night must fail, if more than the share of {@code organisations} is not billed.
     *
     * @param notBilled "orgId: reason" of each organisation that cannot be billed, in the order to name them
     */
    public Optional<String> exceeded(int organisations, List<String> notBilled) {
        if (BigDecimal.valueOf(notBilled.size()).compareTo(maxShare.multiply(BigDecimal.valueOf(organisations))) <= 0) {
            return Optional.empty();
        }
        return Optional.of(notBilled.size() + " of " + organisations + " organisations cannot be billed, more than "
                + SETTING + " (" + percent(maxShare) + "); first reasons: "
                + notBilled.stream().limit(REASONS_SHOWN).collect(Collectors.joining("; ")));
    }

    private static String percent(BigDecimal share) {
        return share.movePointRight(2).setScale(2, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString() + "%";
    }
}
