package org.seatreconciler.batch.input;

import java.util.ArrayList;
import java.util.List;

import org.seatreconciler.batch.billing.BillingCalculator;
import org.seatreconciler.batch.billing.BillingInput;
import org.seatreconciler.schemas.events.Identifiers;
import org.seatreconciler.batch.billing.NotBilledShare;

/**
 * Looks at a date's inputs before anything of it is billed: if more than the configured share of the
 * organisations cannot be billed, the night fails with nothing written, so that once the cause (a plan
 * catalogue, a broken upstream) is fixed, running the date again bills every organisation.
 */
public class InputGuard {

    private final BillingCalculator calculator;
    private final NotBilledShare share;

    public InputGuard(BillingCalculator calculator, NotBilledShare share) {
        this.calculator = calculator;
        this.share = share;
    }

    /** @throws TooManyNotBilledException naming the first reasons */
    public void check(List<BillingInput> inputs) {
        List<String> notBillable = new ArrayList<>();
        inputs.forEach(input -> collect(input, notBillable));
        check(inputs.size(), notBillable);
    }

    /**
     * As {@link #check(List)}, over every partition of a date.
     *
     * @return the number of organisations that cannot be billed (within the share)
     */
    public int check(DateInputs inputs) {
        List<String> notBillable = new ArrayList<>();
        inputs.forEach(input -> collect(input, notBillable));
        check(inputs.size(), notBillable);
        return notBillable.size();
    }

    private void collect(BillingInput input, List<String> notBillable) {
        calculator.notBillableReason(input).ifPresent(reason -> notBillable.add(Identifiers.shown(input.orgId()) + ": "
                + reason));
    }

    private void check(int organisations, List<String> notBillable) {
        share.exceeded(organisations, notBillable).ifPresent(message -> {
            throw new TooManyNotBilledException(message + "; nothing of this date was billed");
        });
    }

    /** Too many organisations of a date cannot be billed. */
    public static class TooManyNotBilledException extends RuntimeException {
        TooManyNotBilledException(String message) {
            super(message);
        }
    }
}
