package org.seatreconciler.batch;

/** Billing a date did not complete; the message is one line saying why. */
public class BillingFailedException extends RuntimeException {

    public BillingFailedException(String message) {
        super(message);
    }

    public BillingFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
