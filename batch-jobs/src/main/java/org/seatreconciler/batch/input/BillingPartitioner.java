package org.seatreconciler.batch.input;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import org.seatreconciler.batch.billing.NotBilledTally;
import org.seatreconciler.batch.ledger.LedgerRepository;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.scope.context.StepSynchronizationManager;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * Splits the billing of a date into one partition of the step per partition of seats.org-daily, each billing a
 * run of consecutive organisations in org_id order ({@link DateInputs}). (Not the organisations of one topic
 * partition: seats.org-daily is keyed {@code orgId|day}, so the days of one organisation lie in different
 * partitions, and a split by the partition a record came from would bill it more than once.) At the first attempt it takes the topics' end offsets, makes the
 * date's inputs and checks the share of organisations that cannot be billed over all of them, before any
 * partition writes a row (a date that fails there has nothing billed). Each partition's ExecutionContext gets
 * the offsets and the partition count; a restart (after a failure, or a takeover of a killed run) finds the
 * partitions of the first attempt in the job repository and gives them back, so every partition reads up to
 * the same offsets and carries on after its last committed chunk, whatever happened to the topics since. Each
 * attempt starts the date's {@link NotBilledTally}, so rows the ledger refuses count in the share as well.
 */
public class BillingPartitioner implements Partitioner {

    private final String workerStep;
    private final BillingSessions sessions;
    private final InputGuard guard;
    private final JobRepository jobRepository;
    private final String billingDateParameter;
    private final NotBilledTally tally;
    private final LedgerRepository ledger;

    public BillingPartitioner(String workerStep, BillingSessions sessions, InputGuard guard,
            JobRepository jobRepository, String billingDateParameter, NotBilledTally tally, LedgerRepository ledger) {
        this.workerStep = workerStep;
        this.sessions = sessions;
        this.guard = guard;
        this.jobRepository = jobRepository;
        this.billingDateParameter = billingDateParameter;
        this.tally = tally;
        this.ledger = ledger;
    }

    /** @param gridSize ignored: the partitions are those of seats.org-daily (of the first attempt) */
    @Override
    public Map<String, ExecutionContext> partition(int gridSize) {
        StepExecution manager = StepSynchronizationManager.getContext().getStepExecution();
        StepExecution firstAttempt = jobRepository.getLastStepExecution(manager.getJobExecution().getJobInstance(),
                workerStep + ":" + Partition.name(0));
        LocalDate date = manager.getJobParameters().getLocalDate(billingDateParameter);
        if (firstAttempt != null) {
            Partition first = Partition.of(firstAttempt.getExecutionContext());
            tally.start(date, first.organisations(), first.notBillable(), ledger.refusedOn(date));
            return contexts(first);
        }
        BillingSession session = sessions.current(date);
        TopicOffsets offsets = session.freshOffsets();
        int partitions = Math.max(1, offsets.daily().size());
        DateInputs inputs = session.inputs(date, offsets, partitions);
        int notBillable = guard.check(inputs);
        tally.start(date, inputs.size(), notBillable, 0);
        return contexts(new Partition(0, partitions, offsets, inputs.size(), notBillable));
    }

    private static Map<String, ExecutionContext> contexts(Partition first) {
        Map<String, ExecutionContext> contexts = new LinkedHashMap<>();
        for (int i = 0; i < first.count(); i++) {
            contexts.put(Partition.name(i), new Partition(i, first.count(), first.offsets(), first.organisations(),
                    first.notBillable()).context());
        }
        return contexts;
    }

    /**
     * One partition of a date's billing, as its ExecutionContext keeps it, with what the date's first attempt
     * found: the organisations of the date and how many of them cannot be billed (for {@link NotBilledTally}).
     */
    record Partition(int index, int count, TopicOffsets offsets, int organisations, int notBillable) {

        private static final String INDEX = "billing.partition";
        private static final String COUNT = "billing.partitions";
        private static final String DAILY_OFFSETS = "billing.daily.end-offsets";
        private static final String PLANS_OFFSETS = "billing.plans.end-offsets";
        private static final String ORGANISATIONS = "billing.organisations";
        private static final String NOT_BILLABLE = "billing.not-billable";

        static String name(int index) {
            return "partition-" + index;
        }

        static Partition of(ExecutionContext context) {
            return new Partition(context.getInt(INDEX), context.getInt(COUNT), new TopicOffsets(
                    TopicSnapshot.parse(context.getString(DAILY_OFFSETS)),
                    TopicSnapshot.parse(context.getString(PLANS_OFFSETS))),
                    context.getInt(ORGANISATIONS, 0), context.getInt(NOT_BILLABLE, 0));
        }

        ExecutionContext context() {
            ExecutionContext context = new ExecutionContext();
            context.putInt(INDEX, index);
            context.putInt(COUNT, count);
            context.putInt(ORGANISATIONS, organisations);
            context.putInt(NOT_BILLABLE, notBillable);
            context.putString(DAILY_OFFSETS, TopicSnapshot.format(offsets.daily()));
            context.putString(PLANS_OFFSETS, TopicSnapshot.format(offsets.plans()));
            return context;
        }
    }
}
