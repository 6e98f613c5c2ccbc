package org.seatreconciler.batch.input;

import java.time.LocalDate;

import org.seatreconciler.batch.billing.BillingInput;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamException;
import org.springframework.batch.infrastructure.item.support.AbstractItemCountingItemStreamItemReader;

/**
 * The billing inputs of one partition of one date, one per organisation, in org_id order. Its ExecutionContext,
 * filled by {@link BillingPartitioner} at the step's first start, names the partition and the end offsets of
 * seats.org-daily and billing.org-plans the date is billed from; a restart gets the same context back, so it
 * reads up to the first attempt's offsets and, with the item count Batch restores, carries on after the last
 * committed chunk. The date's inputs are made once for all partitions ({@link BillingSession#inputs}).
 */
public class BillingInputReader extends AbstractItemCountingItemStreamItemReader<BillingInput> {

    private final LocalDate billingDate;
    private final BillingSession session;

    private int partition;
    private int partitions;
    private TopicOffsets offsets;
    private DateInputs inputs;

    public BillingInputReader(LocalDate billingDate, BillingSession session) {
        this.billingDate = billingDate;
        this.session = session;
        setName("billingInputs");
    }

    @Override
    public void open(ExecutionContext context) throws ItemStreamException {
        BillingPartitioner.Partition assigned = BillingPartitioner.Partition.of(context);
        partition = assigned.index();
        partitions = assigned.count();
        offsets = assigned.offsets();
        super.open(context);
    }

    @Override
    protected void doOpen() {
        inputs = session.inputs(billingDate, offsets, partitions);
    }

    @Override
    protected BillingInput doRead() {
        int next = getCurrentItemCount() - 1; // the count is incremented before doRead
        return next < inputs.size(partition) ? inputs.get(partition, next) : null;
    }

    @Override
    protected void jumpToItem(int itemIndex) {
        // Nothing to skip: doRead indexes the partition's inputs by the restored count.
    }

    @Override
    protected void doClose() {
        inputs = null;
    }
}
