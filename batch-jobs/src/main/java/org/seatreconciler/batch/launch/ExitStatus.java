package org.seatreconciler.batch.launch;

/** The job's exit statuses (batch-jobs/README.md, "Exit statuses"). */
public final class ExitStatus {

    /** Billed (or already billed), previewed, explained; the scheduler stopped normally. */
    public static final int DONE = 0;
    /** The billing failed or was refused by its rules: another process bills, dates out of order, a gap beyond
     * the limit, too many organisations not billed, the streams app lags, an organisation without figures. */
    public static final int BILLING_FAILED = 1;
    /** Bad arguments, including a date that has not ended yet; nothing was read or written. */
    public static final int BAD_ARGUMENTS = 2;
    /** Something the job depends on failed: the output folder, the job's database (unreachable, schema missing
     * or too old for a read-only command), the schema registry; or an unexpected error. */
    public static final int OUTSIDE_FAILURE = 3;

    private ExitStatus() {
    }
}
