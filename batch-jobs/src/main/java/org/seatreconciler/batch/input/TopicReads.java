package org.seatreconciler.batch.input;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.serialization.Deserializer;
import org.seatreconciler.avro.OrgPlan;
import org.seatreconciler.avro.OrgSeatDay;
import org.seatreconciler.batch.catchup.MissingTopicException;
import org.seatreconciler.schemas.events.Identifiers;
import org.seatreconciler.schemas.serde.MalformedPayloadException;
import org.seatreconciler.schemas.settings.SeatsSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads seats.org-daily and billing.org-plans up to fixed end offsets, from the earliest offset each
 * partition still holds: seats.org-daily is {@code compact,delete} with a retention, so a read costs the
 * organisations times the retained days, not the whole history (DESIGN.md section 5). Values are read as bytes
 * and decoded here one by one: a record that does not decode is kept aside ({@link UndecodableRecords}) and the
 * read goes on, where a deserializer in the consumer would fail every poll that reaches it, night after night.
 * Only a malformed payload is the record's fault: a registry that cannot answer fails the read, and the night.
 */
public class TopicReads {

    private static final Logger log = LoggerFactory.getLogger(TopicReads.class);
    /** Undecodable records named one by one in the log; beyond them, only counted. */
    private static final int NAMED = 20;

    private final Supplier<Consumer<String, byte[]>> consumers;
    private final String dailyTopic;
    private final Deserializer<OrgSeatDay> days;
    private final String plansTopic;
    private final Deserializer<OrgPlan> plans;
    private final ZoneId billingZone;
    private final Duration timeout;

    public TopicReads(Supplier<Consumer<String, byte[]>> consumers, String dailyTopic, Deserializer<OrgSeatDay> days,
            String plansTopic, Deserializer<OrgPlan> plans, ZoneId billingZone, Duration timeout) {
        this.consumers = consumers;
        this.dailyTopic = dailyTopic;
        this.days = days;
        this.plansTopic = plansTopic;
        this.plans = plans;
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
        try (Consumer<String, byte[]> consumer = consumers.get()) {
            Map<Integer, Long> dailyOffsets = TopicSnapshot.endOffsets(consumer, dailyTopic, timeout).orElseThrow(
                    () -> MissingTopicException.forSetting(dailyTopic, SeatsSettings.ORG_DAILY_SETTING));
            // No assignments may be legitimate (the subscription system has published none yet).
            Map<Integer, Long> planOffsets = TopicSnapshot.endOffsets(consumer, plansTopic, timeout).orElseGet(() -> {
                log.warn("Topic {} does not exist (setting {}): no plan assignments, every organisation is billed on "
                        + "the default plan", plansTopic, SeatsSettings.ORG_PLANS_SETTING);
                return Map.of();
            });
            return new TopicOffsets(dailyOffsets, planOffsets);
        }
    }

    /** Both topics up to {@code offsets}, reduced as they are read to what the dates {@code from .. to} need. */
    public BillingSnapshot read(TopicOffsets offsets, LocalDate from, LocalDate to) {
        // one consumer, one topic after the other (each read assigns its topic's partitions and seeks to the start)
        try (Consumer<String, byte[]> consumer = consumers.get()) {
            DailyHistory history = new DailyHistory(from, to, billingZone);
            UndecodableRecords undecodable = new UndecodableRecords();
            long dayRecords = TopicSnapshot.readRecords(consumer, dailyTopic, offsets.daily(), timeout, record -> {
                if (record.value() == null) {
                    return; // the streams app writes no tombstones to seats.org-daily
                }
                OrgSeatDay day;
                try {
                    day = days.deserialize(record.topic(), record.headers(), record.value());
                } catch (MalformedPayloadException e) {
                    undecodable.dailyRecord(record.topic(), record.partition(), record.offset(), record.key(), cause(e));
                    return;
                }
                undecodable.decoded(record.topic(), record.key());
                history.add(day);
            });
            Map<String, String> planByOrg = new HashMap<>();
            long assignments = TopicSnapshot.readRecords(consumer, plansTopic, offsets.plans(), timeout, record -> {
                OrgPlan plan;
                try {
                    plan = record.value() == null ? null
                            : plans.deserialize(record.topic(), record.headers(), record.value());
                } catch (MalformedPayloadException e) {
                    undecodable.planRecord(record.topic(), record.partition(), record.offset(), record.key(), cause(e));
                    return;
                }
                undecodable.decoded(record.topic(), record.key());
                if (plan == null) {
                    planByOrg.remove(record.key()); // a tombstone withdraws the assignment: the default plan applies
                } else {
                    planByOrg.put(record.key(), plan.getPlan());
                }
            });
            log.info("Read {} records of {} and {} of {} (up to {} and {}) for {} .. {}{}", dayRecords, dailyTopic,
                    assignments, plansTopic, offsets.daily(), offsets.plans(), from, to,
                    undecodable.count() == 0 ? "" : "; " + undecodable.count() + " of them did not decode");
            logUndecodable(undecodable);
            return new BillingSnapshot(history, planByOrg, undecodable.seal());
        }
    }

    /** Each undecodable record still in effect, once per read (a run reads the topics once), up to NAMED. */
    private static void logUndecodable(UndecodableRecords undecodable) {
        int named = 0;
        for (UndecodableRecords.Undecodable r : undecodable.inEffect()) {
            if (named++ == NAMED) {
                log.warn("... and {} more undecodable records in effect, not named", undecodable.inEffect().size()
                        - NAMED);
                return;
            }
            log.warn("Record of {} at partition {} offset {} (key {}) does not decode: {}; {}", r.topic(),
                    r.partition(), r.offset(), r.key() == null ? "none" : Identifiers.shown(r.key()), r.cause(),
                    r.orgId() == null ? "its key names no organisation"
                            : "organisation " + Identifiers.shown(r.orgId()) + " is not billed ("
                                    + UndecodableRecords.REASON + ") on the dates it would be billed from it");
        }
    }

    private static String cause(MalformedPayloadException e) {
        String message = String.valueOf(e.getMessage());
        return message.length() > 300 ? message.substring(0, 300) + "..." : message;
    }
}
