package org.seatreconciler.batch.input;

import java.time.LocalDate;

import org.seatreconciler.batch.ledger.LedgerRepository;

/**
 * The session of the run under way, for the job's steps to share. {@code NightlyBilling} opens one per
 * call for the dates it bills; a job started otherwise gets a session of its own date.
 */
public class BillingSessions {

    private final TopicReads reads;
    private final LedgerRepository ledger;
    private BillingSession current;

    public BillingSessions(TopicReads reads, LedgerRepository ledger) {
        this.reads = reads;
        this.ledger = ledger;
    }

    public synchronized void open(LocalDate from, LocalDate to) {
        current = new BillingSession(from, to, reads, ledger);
    }

    /** Drops the run's reads, so their memory is freed between runs. */
    public synchronized void close() {
        current = null;
    }

    public synchronized BillingSession current(LocalDate date) {
        if (current == null || !current.covers(date)) {
            current = new BillingSession(date, date, reads, ledger);
        }
        return current;
    }
}
