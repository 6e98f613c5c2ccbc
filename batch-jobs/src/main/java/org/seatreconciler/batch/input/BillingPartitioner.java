package org.seatreconciler.batch.input;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.scope.context.StepSynchronizationManager;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.partition.Partitioner;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * Splits the billing of a date into one partition of the step per partition of seats.org-daily, each billing the
 * organisations {@link OrgPartition} gives it. At the first attempt it takes the topics' end offsets, makes the
 * date's inputs and checks the share of organisations that cannot be billed over all of them, before any
 * partition writes a row (a date that fails there has nothing billed). Each partition's ExecutionContext gets
 * the offsets and the partition count; a restart (after a failure, or a takeover of a killed run) finds the
 * partitions of the first attempt in the job repository and gives them back, so every partition reads up to
 * the same offsets and carries on after its last committed chunk, whatever happened to the topics since.
 */
public class BillingPartitioner implements Partitioner {

    private final String workerStep;
    private final BillingSessions sessions;
    private final InputGuard guard;
    private final JobRepository jobRepository;
    private final String billingDateParameter;

    public BillingPartitioner(String workerStep, BillingSessions sessions, InputGuard guard,
            JobRepository jobRepository, String billingDateParameter) {
        this.workerStep = workerStep;
        this.sessions = sessions;
        this.guard = guard;
        this.jobRepository = jobRepository;
        this.billingDateParameter = billingDateParameter;
    }

    /** @param gridSize ignored: the partitions are those of seats.org-daily (of the first attempt) */
    @Override
    public Map<String, ExecutionContext> partition(int gridSize) {
        StepExecution manager = StepSynchronizationManager.getContext().getStepExecution();
        StepExecution firstAttempt = jobRepository.getLastStepExecution(manager.getJobExecution().getJobInstance(),
                workerStep + ":" + Partition.name(0));
        if (firstAttempt != null) {
            Partition first = Partition.of(firstAttempt.getExecutionContext());
            return contexts(first.count(), first.offsets());
        }
        LocalDate date = manager.getJobParameters().getLocalDate(billingDateParameter);
        BillingSession session = sessions.current(date);
        TopicOffsets offsets = session.freshOffsets();
        int partitions = Math.max(1, offsets.daily().size());
        guard.check(session.inputs(date, offsets, partitions));
        return contexts(partitions, offsets);
    }

    private static Map<String, ExecutionContext> contexts(int count, TopicOffsets offsets) {
        Map<String, ExecutionContext> contexts = new LinkedHashMap<>();
        for (int i = 0; i < count; i++) {
            contexts.put(Partition.name(i), new Partition(i, count, offsets).context());
        }
        return contexts;
    }

    /** One partition of a date's billing, as its ExecutionContext keeps it. */
    record Partition(int index, int count, TopicOffsets offsets) {

        private static final String INDEX = "billing.partition";
        private static final String COUNT = "billing.partitions";
        private static final String DAILY_OFFSETS = "billing.daily.end-offsets";
        private static final String PLANS_OFFSETS = "billing.plans.end-offsets";

        static String name(int index) {
            return "partition-" + index;
        }

        static Partition of(ExecutionContext context) {
            return new Partition(context.getInt(INDEX), context.getInt(COUNT), new TopicOffsets(
                    TopicSnapshot.parse(context.getString(DAILY_OFFSETS)),
                    TopicSnapshot.parse(context.getString(PLANS_OFFSETS))));
        }

        ExecutionContext context() {
            ExecutionContext context = new ExecutionContext();
            context.putInt(INDEX, index);
            context.putInt(COUNT, count);
            context.putString(DAILY_OFFSETS, TopicSnapshot.format(offsets.daily()));
            context.putString(PLANS_OFFSETS, TopicSnapshot.format(offsets.plans()));
            return context;
        }
    }
}
