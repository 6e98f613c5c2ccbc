package org.seatreconciler.batch.input;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import org.seatreconciler.batch.ledger.LedgerRepository;

/**
 * What one run of the nightly job (one call that bills the dates {@code from .. to}) does once rather than
 * once per date: the catch-up check of the streams app, taking the topics' end offsets, and reading the
 * topics up to them; and, once per date rather than once per partition of the billing step, the date's
 * inputs. A date restarted from an earlier attempt reads up to that attempt's offsets instead (kept in its
 * partitions' ExecutionContexts), which is a read of its own.
 */
public final class BillingSession {

    private final LocalDate from;
    private final LocalDate to;
    private final TopicReads reads;
    private final LedgerRepository ledger;
    private final Map<TopicOffsets, BillingSnapshot> snapshots = new HashMap<>();
    private boolean caughtUp;
    private TopicOffsets fresh;
    private InputsKey inputsKey;
    private DateInputs inputs;

    BillingSession(LocalDate from, LocalDate to, TopicReads reads, LedgerRepository ledger) {
        this.from = from;
        this.to = to;
        this.reads = reads;
        this.ledger = ledger;
    }

    boolean covers(LocalDate date) {
        return !date.isBefore(from) && !date.isAfter(to);
    }

    /** Whether the streams app has been seen caught up in this run. */
    public synchronized boolean caughtUp() {
        return caughtUp;
    }

    public synchronized void markCaughtUp() {
        caughtUp = true;
    }

    /** The topics' end offsets, taken at the first call of the run (after the catch-up check). */
    public synchronized TopicOffsets freshOffsets() {
        if (fresh == null) {
            fresh = reads.endOffsets();
        }
        return fresh;
    }

    /** The topics read up to {@code offsets}, once per run and offsets. */
    public synchronized BillingSnapshot snapshot(TopicOffsets offsets) {
        return snapshots.computeIfAbsent(offsets, o -> reads.read(o, from, to));
    }

    /**
     * The inputs of {@code date} from the topics read up to {@code offsets} and what the ledger holds before the
     * date, split among {@code partitions}: made once for all the partitions of the billing step, kept until
     * another date's are asked for.
     */
    public synchronized DateInputs inputs(LocalDate date, TopicOffsets offsets, int partitions) {
        InputsKey key = new InputsKey(date, offsets, partitions);
        if (!key.equals(inputsKey)) {
            inputs = null; // the previous date's, freed before the next is made
            BillingSnapshot snapshot = snapshot(offsets);
            inputs = snapshot.inputs(date, ledger, partitions);
            inputsKey = key;
        }
        return inputs;
    }

    private record InputsKey(LocalDate date, TopicOffsets offsets, int partitions) {
    }
}
