package org.seatreconciler.batch.input;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

import org.apache.kafka.clients.consumer.Consumer;
import org.seatreconciler.avro.OrgPlan;
import org.seatreconciler.avro.OrgSeatDay;
import org.seatreconciler.batch.billing.BillingInput;
import org.seatreconciler.batch.catchup.MissingTopicException;
import org.seatreconciler.schemas.settings.SeatsSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamException;
import org.springframework.batch.infrastructure.item.support.AbstractItemCountingItemStreamItemReader;

/**
 * The billing inputs of one date, one per organisation, sorted by orgId. At the step's first start it
 * takes the end offsets of seats.org-daily and billing.org-plans and keeps them in the step's
 * ExecutionContext; a restart reads up to the same offsets, so it bills from the same snapshot as
 * the failed attempt and, with the item count Batch restores, carries on where that one stopped.
 */
public class BillingInputReader extends AbstractItemCountingItemStreamItemReader<BillingInput> {

    private static final Logger log = LoggerFactory.getLogger(BillingInputReader.class);
    private static final String DAILY_OFFSETS = "daily.end-offsets";
    private static final String PLANS_OFFSETS = "plans.end-offsets";

    private final LocalDate billingDate;
    private final Supplier<Consumer<String, OrgSeatDay>> dailyConsumers;
    private final Supplier<Consumer<String, OrgPlan>> planConsumers;
    private final String dailyTopic;
    private final String plansTopic;
    private final Function<LocalDate, Map<String, Integer>> purchasedBefore;
    private final Duration timeout;

    private Map<Integer, Long> dailyOffsets;
    private Map<Integer, Long> plansOffsets;
    private List<BillingInput> inputs = List.of();

    public BillingInputReader(LocalDate billingDate, Supplier<Consumer<String, OrgSeatDay>> dailyConsumers,
            String dailyTopic, Supplier<Consumer<String, OrgPlan>> planConsumers, String plansTopic,
            Function<LocalDate, Map<String, Integer>> purchasedBefore, Duration timeout) {
        this.billingDate = billingDate;
        this.dailyConsumers = dailyConsumers;
        this.planConsumers = planConsumers;
        this.dailyTopic = dailyTopic;
        this.plansTopic = plansTopic;
        this.purchasedBefore = purchasedBefore;
        this.timeout = timeout;
        setName("billingInputs");
    }

    @Override
    public void open(ExecutionContext context) throws ItemStreamException {
        if (context.containsKey(getExecutionContextKey(DAILY_OFFSETS))) {
            dailyOffsets = TopicSnapshot.parse(context.getString(getExecutionContextKey(DAILY_OFFSETS)));
            plansOffsets = TopicSnapshot.parse(context.getString(getExecutionContextKey(PLANS_OFFSETS)));
            log.info("Restart for {}: reading the snapshot of the first attempt, {} {} and {} {}", billingDate,
                    dailyTopic, dailyOffsets, plansTopic, plansOffsets);
        }
        super.open(context);
    }

    @Override
    public void update(ExecutionContext context) throws ItemStreamException {
        super.update(context);
        context.putString(getExecutionContextKey(DAILY_OFFSETS), TopicSnapshot.format(dailyOffsets));
        context.putString(getExecutionContextKey(PLANS_OFFSETS), TopicSnapshot.format(plansOffsets));
    }

    @Override
    protected void doOpen() {
        try (Consumer<String, OrgSeatDay> daily = dailyConsumers.get();
                Consumer<String, OrgPlan> plans = planConsumers.get()) {
            if (dailyOffsets == null) {
                // No daily figures means nothing to bill: the night must fail, not complete empty.
                dailyOffsets = TopicSnapshot.endOffsets(daily, dailyTopic, timeout).orElseThrow(
                        () -> MissingTopicException.forSetting(dailyTopic, SeatsSettings.ORG_DAILY_SETTING));
                // No assignments may be legitimate (the subscription system has published none yet).
                plansOffsets = TopicSnapshot.endOffsets(plans, plansTopic, timeout).orElseGet(() -> {
                    log.warn("Topic {} does not exist (setting {}): no plan assignments, every organisation is "
                            + "billed on the default plan", plansTopic, SeatsSettings.ORG_PLANS_SETTING);
                    return Map.of();
                });
                log.info("Billing {} from {} up to {} and {} up to {}", billingDate, dailyTopic, dailyOffsets,
                        plansTopic, plansOffsets);
            }
            // Reduced while reading: the latest record per organisation and the latest plan per organisation.
            DailyFigures days = new DailyFigures(billingDate);
            TopicSnapshot.read(daily, dailyTopic, dailyOffsets, timeout, (key, day) -> {
                if (day != null) { // the streams app writes no tombstones to seats.org-daily
                    days.add(day);
                }
            });
            Map<String, String> planByOrg = new HashMap<>();
            TopicSnapshot.read(plans, plansTopic, plansOffsets, timeout, (orgId, assignment) -> {
                if (assignment == null) {
                    planByOrg.remove(orgId); // a tombstone withdraws the assignment: the default plan applies
                } else {
                    planByOrg.put(orgId, assignment.getPlan());
                }
            });
            Map<String, Integer> purchased = purchasedBefore.apply(billingDate);
            List<BillingInput> all = new ArrayList<>();
            days.figures().forEach((orgId, figures) -> all.add(new BillingInput(billingDate, orgId, figures,
                    planByOrg.get(orgId), purchased.getOrDefault(orgId, 0))));
            inputs = List.copyOf(all);
            log.info("{} organisations to bill for {}", inputs.size(), billingDate);
        }
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
