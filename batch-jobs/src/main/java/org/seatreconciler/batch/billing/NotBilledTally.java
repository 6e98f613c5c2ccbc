package org.seatreconciler.batch.billing;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The organisations of the date under way that are not billed, against {@link NotBilledShare}, while its
 * partitions write: those whose inputs could not be billed (checked before anything was written) plus those whose
 * rows the ledger refused, so far. One date at a time; the partitions' writers report to it from their threads.
 */
public class NotBilledTally {

    private final NotBilledShare share;
    private LocalDate date;
    private int organisations;
    private int notBilled;
    private final List<String> refusals = new ArrayList<>();

    public NotBilledTally(NotBilledShare share) {
        this.share = share;
    }

    /**
     * Starts an attempt of {@code date}.
     *
     * @param notBillable   organisations whose inputs cannot be billed
     * @param refusedBefore organisations whose rows the ledger refused in chunks committed by earlier attempts
     */
    public synchronized void start(LocalDate date, int organisations, int notBillable, int refusedBefore) {
        this.date = date;
        this.organisations = organisations;
        this.notBilled = notBillable + refusedBefore;
        this.refusals.clear();
    }

    /**
     * Counts organisations the ledger refused ("orgId: reason").
     *
     * @throws TooManyRefusedException when the not-billed organisations are now more than the share: the chunk
     *                                 must not commit
     */
    public synchronized void refused(LocalDate billingDate, List<String> refused) {
        if (!billingDate.equals(date) || refused.isEmpty()) {
            return; // a date started otherwise (a test's job launch): only the check before writing applies
        }
        notBilled += refused.size();
        refusals.addAll(refused);
        List<String> named = new ArrayList<>(refusals);
        while (named.size() < notBilled) {
            named.add("(not billable before writing)");
        }
        share.exceeded(organisations, named).ifPresent(message -> {
            throw new TooManyRefusedException(message + "; chunks of this date committed before stay in the ledger,"
                    + " and a run of the date after the cause is fixed bills the others");
        });
    }

    /** The ledger refused the rows of too many organisations of a date. */
    public static class TooManyRefusedException extends RuntimeException {
        TooManyRefusedException(String message) {
            super(message);
        }
    }
}
