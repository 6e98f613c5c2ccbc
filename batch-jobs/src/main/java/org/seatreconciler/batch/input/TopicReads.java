package org.seatreconciler.batch.input;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

import org.apache.kafka.clients.consumer.Consumer;
import org.seatreconciler.avro.OrgPlan;
import org.seatreconciler.avro.OrgSeatDay;
import org.seatreconciler.batch.catchup.MissingTopicException;
import org.seatreconciler.schemas.settings.SeatsSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads seats.org-daily and billing.org-plans up to fixed end offsets, from the earliest offset each
 * partition still holds: seats.org-daily is {@code compact,delete} with a retention, so a read costs the
 * organisations times the retained days, not the whole history (DESIGN.md section 5).
 */
public class TopicReads {

    private static final Logger log = LoggerFactory.getLogger(TopicReads.class);

    private final Supplier<Consumer<String, OrgSeatDay>> dailyConsumers;
    private final String dailyTopic;
    private final Supplier<Consumer<String, OrgPlan>> planConsumers;
    private final String plansTopic;
    private final ZoneId billingZone;
    private final Duration timeout;

    public TopicReads(Supplier<Consumer<String, OrgSeatDay>> dailyConsumers, String dailyTopic,
            Supplier<Consumer<String, OrgPlan>> planConsumers, String plansTopic, ZoneId billingZone,
            Duration timeout) {
        this.dailyConsumers = dailyConsumers;
        this.dailyTopic = dailyTopic;
        this.planConsumers = planConsumers;
        this.plansTopic = plansTopic;
        this.billingZone = billingZone;
        this.timeout = timeout;
    }

    /**
     * The end offsets (read_committed) of both topics now.
     *
     * @throws MissingTopicException when seats.org-daily does not exist: no daily figures means nothing to
     *                               bill, and the night must fail rather than complete empty
     */
    public TopicOffsets endOffsets() {
        try (Consumer<String, OrgSeatDay> daily = dailyConsumers.get();
                Consumer<String, OrgPlan> plans = planConsumers.get()) {
            Map<Integer, Long> dailyOffsets = TopicSnapshot.endOffsets(daily, dailyTopic, timeout).orElseThrow(
                    () -> MissingTopicException.forSetting(dailyTopic, SeatsSettings.ORG_DAILY_SETTING));
            // No assignments may be legitimate (the subscription system has published none yet).
            Map<Integer, Long> planOffsets = TopicSnapshot.endOffsets(plans, plansTopic, timeout).orElseGet(() -> {
                log.warn("Topic {} does not exist (setting {}): no plan assignments, every organisation is billed on "
                        + "the default plan", plansTopic, SeatsSettings.ORG_PLANS_SETTING);
                return Map.of();
            });
            return new TopicOffsets(dailyOffsets, planOffsets);
        }
    }

    /** Both topics up to {@code offsets}, reduced as they are read to what the dates {@code from .. to} need. */
    public BillingSnapshot read(TopicOffsets offsets, LocalDate from, LocalDate to) {
        try (Consumer<String, OrgSeatDay> daily = dailyConsumers.get();
                Consumer<String, OrgPlan> plans = planConsumers.get()) {
            DailyHistory history = new DailyHistory(from, to, billingZone);
            long days = TopicSnapshot.read(daily, dailyTopic, offsets.daily(), timeout, (key, day) -> {
                if (day != null) { // the streams app writes no tombstones to seats.org-daily
                    history.add(day);
                }
            });
            Map<String, String> planByOrg = new HashMap<>();
            long assignments = TopicSnapshot.read(plans, plansTopic, offsets.plans(), timeout, (orgId, plan) -> {
                if (plan == null) {
                    planByOrg.remove(orgId); // a tombstone withdraws the assignment: the default plan applies
                } else {
                    planByOrg.put(orgId, plan.getPlan());
                }
            });
            log.info("Read {} records of {} and {} of {} (up to {} and {}) for {} .. {}", days, dailyTopic, assignments,
                    plansTopic, offsets.daily(), offsets.plans(), from, to);
            return new BillingSnapshot(history, planByOrg);
        }
    }
}
