package org.seatreconciler.batch.input;

import java.time.LocalDate;
import java.util.List;

import org.seatreconciler.batch.billing.BillingInput;
import org.seatreconciler.batch.ledger.LedgerRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamException;
import org.springframework.batch.infrastructure.item.support.AbstractItemCountingItemStreamItemReader;

/**
 * The billing inputs of one date, one per organisation, sorted by orgId. At the step's first start it
 * takes the run's end offsets of seats.org-daily and billing.org-plans and keeps them in the step's
 * ExecutionContext; a restart reads up to the same offsets, so it bills from the same snapshot as the
 * failed attempt and, with the item count Batch restores, carries on where that one stopped. The topics
 * are read once per run ({@link BillingSession}), whatever the number of dates.
 */
public class BillingInputReader extends AbstractItemCountingItemStreamItemReader<BillingInput> {

    private static final Logger log = LoggerFactory.getLogger(BillingInputReader.class);
    private static final String DAILY_OFFSETS = "daily.end-offsets";
    private static final String PLANS_OFFSETS = "plans.end-offsets";

    private final LocalDate billingDate;
    private final BillingSession session;
    private final LedgerRepository ledger;
    private final InputGuard guard;

    private TopicOffsets offsets;
    private List<BillingInput> inputs = List.of();

    public BillingInputReader(LocalDate billingDate, BillingSession session, LedgerRepository ledger,
            InputGuard guard) {
        this.billingDate = billingDate;
        this.session = session;
        this.ledger = ledger;
        this.guard = guard;
        setName("billingInputs");
    }

    @Override
    public void open(ExecutionContext context) throws ItemStreamException {
        if (context.containsKey(getExecutionContextKey(DAILY_OFFSETS))) {
            offsets = new TopicOffsets(TopicSnapshot.parse(context.getString(getExecutionContextKey(DAILY_OFFSETS))),
                    TopicSnapshot.parse(context.getString(getExecutionContextKey(PLANS_OFFSETS))));
            log.info("Restart of {}: reading the snapshot of its first attempt ({})", billingDate, offsets);
        }
        super.open(context);
    }

    @Override
    public void update(ExecutionContext context) throws ItemStreamException {
        super.update(context);
        if (offsets == null) {
            return; // the step failed before taking them (e.g. a missing topic): a restart takes them afresh
        }
        context.putString(getExecutionContextKey(DAILY_OFFSETS), TopicSnapshot.format(offsets.daily()));
        context.putString(getExecutionContextKey(PLANS_OFFSETS), TopicSnapshot.format(offsets.plans()));
    }

    @Override
    protected void doOpen() {
        if (offsets == null) {
            offsets = session.freshOffsets();
        }
        inputs = session.snapshot(offsets).inputs(billingDate, ledger.latestSnapshotsBefore(billingDate),
                ledger.purchasedBefore(billingDate));
        guard.check(inputs);
    }

    @Override
    protected BillingInput doRead() {
        int next = getCurrentItemCount() - 1; // the count is incremented before doRead
        return next < inputs.size() ? inputs.get(next) : null;
    }

    @Override
    protected void jumpToItem(int itemIndex) {
        // Nothing to skip: doRead indexes the in-memory list by the restored count.
    }

    @Override
    protected void doClose() {
        inputs = List.of();
    }
}
