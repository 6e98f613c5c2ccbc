package org.seatreconciler.streams.counting;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.WindowStore;
import org.apache.kafka.streams.state.WindowStoreIterator;
import org.seatreconciler.avro.MembershipEvent;
import org.seatreconciler.avro.MembershipEventType;
import org.seatreconciler.schemas.Topics;
import org.seatreconciler.streams.rejection.EventDecoder;
import org.seatreconciler.streams.rejection.FutureTimestampRule;
import org.seatreconciler.streams.rejection.RejectedEvents;
import org.seatreconciler.streams.rejection.Rejection;
import org.seatreconciler.streams.rejection.RoleChangeRule;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies DESIGN.md section 4 to each input record, in its order: malformed, future timestamp,
 * duplicate, role-change rule, last-writer-wins apply; then publishes the organisation's counts and day
 * (section 5). All stores are keyed by organisation (or organisation + id, {@link StoreKeys}) and the
 * input is keyed by orgId, so an organisation's whole state lives in this task and no repartition is
 * needed.
 */
class MembershipEventProcessor implements Processor<String, byte[], String, Object> {

    private static final Logger log = LoggerFactory.getLogger(MembershipEventProcessor.class);

    private final TopologySettings settings;
    private final EventDecoder decoder;
    private final EventOutcomes outcomes;

    private ProcessorContext<String, Object> context;
    private KeyValueStore<String, MemberState> members;
    private KeyValueStore<String, SeatFigures> orgFigures;
    private KeyValueStore<String, DailySeats> orgDays;
    private WindowStore<String, String> appliedEvents;

    MembershipEventProcessor(TopologySettings settings, EventDecoder decoder, EventOutcomes outcomes) {
        this.settings = settings;
        this.decoder = decoder;
        this.outcomes = outcomes;
    }

    @Override
    public void init(ProcessorContext<String, Object> context) {
        this.context = context;
        this.members = context.getStateStore(MembershipTopology.MEMBER_STATE_STORE);
        this.orgFigures = context.getStateStore(MembershipTopology.ORG_FIGURES_STORE);
        this.orgDays = context.getStateStore(MembershipTopology.ORG_LATEST_DAY_STORE);
        this.appliedEvents = context.getStateStore(MembershipTopology.APPLIED_EVENTS_STORE);
    }

    @Override
    public void process(Record<String, byte[]> record) {
        String topic = context.recordMetadata().map(RecordMetadata::topic).orElse(settings.inputTopic());
        EventDecoder.Decoded decoded = decoder.decode(topic, record.key(), record.value());
        if (decoded.rejection() != null) {
            reject(record, decoded.rejection());
            return;
        }
        MembershipEvent event = decoded.event();
        Optional<Rejection> future = FutureTimestampRule.check(event.getEventId(), event.getOccurredAt(),
                Instant.ofEpochMilli(context.currentSystemTimeMs()), settings.futureTolerance());
        if (future.isPresent()) {
            reject(record, future.get());
            return;
        }
        String dedupKey = StoreKeys.of(event.getOrgId(), event.getEventId());
        if (alreadyApplied(dedupKey)) {
            outcomes.recordDuplicate();
            log.debug("Ignored duplicate event {} of org {} member {}", event.getEventId(), event.getOrgId(),
                    event.getMemberId());
            return;
        }
        if (event.getType() == MembershipEventType.ROLE_CHANGED) {
            Optional<Rejection> unauthorised = RoleChangeRule.check(event.getEventId(), event.getOrgId(),
                    event.getMemberId(), event.getActorId(), memberState(event.getOrgId(), event.getActorId()));
            if (unauthorised.isPresent()) {
                reject(record, unauthorised.get());
                return;
            }
        }
        apply(event, record);
        // Remembered at processing (wall-clock) time, not at the record's timestamp: one record with a
        // far-future timestamp would move the store's clock ahead and expire every remembered id.
        appliedEvents.put(dedupKey, event.getEventId(), context.currentSystemTimeMs());
        outcomes.recordApplied();
    }

    private void apply(MembershipEvent event, Record<String, byte[]> record) {
        String orgId = event.getOrgId();
        MemberState before = memberState(orgId, event.getMemberId());
        MemberState after = before.apply(MemberChange.of(event));
        if (!after.equals(before)) {
            members.put(StoreKeys.of(orgId, event.getMemberId()), after);
        }
        SeatFigures figuresBefore = Optional.ofNullable(orgFigures.get(orgId)).orElse(SeatFigures.ZERO);
        SeatFigures figures = figuresBefore.change(before, after);
        if (!figures.equals(figuresBefore)) {
            orgFigures.put(orgId, figures);
            context.forward(new Record<String, Object>(orgId, OrgSeatOutputs.counts(orgId, figures,
                    event.getOccurredAt()), record.timestamp()), MembershipTopology.ORG_COUNTS_SINK);
        }
        // every applied event updates the day, even one that changed no figure (its peaks still hold)
        LocalDate eventDay = DailySeats.dayOf(event.getOccurredAt(), settings.billingZone());
        DailySeats day = DailySeats.after(orgDays.get(orgId), eventDay, figures, event.getOccurredAt());
        orgDays.put(orgId, day);
        context.forward(new Record<String, Object>(Topics.dailyKey(orgId, day.day()), OrgSeatOutputs.day(orgId, day, settings.billingZone()),
                record.timestamp()), MembershipTopology.ORG_DAILY_SINK);
        log.debug("Applied event {} ({}) to org {} member {}", event.getEventId(), event.getType(), orgId,
                event.getMemberId());
    }

    private boolean alreadyApplied(String dedupKey) {
        long now = context.currentSystemTimeMs();
        try (WindowStoreIterator<String> found = appliedEvents.fetch(dedupKey,
                now - settings.dedupRetention().toMillis(), now)) {
            return found.hasNext();
        }
    }

    private MemberState memberState(String orgId, String memberId) {
        if (memberId == null || memberId.isEmpty()) {
            return MemberState.UNKNOWN;
        }
        String key = StoreKeys.of(orgId, memberId);
        MemberState state = members.get(key);
        if (state == null) {
            // written before the length-prefixed keys: moved over on first use
            String legacyKey = StoreKeys.legacy(orgId, memberId);
            state = members.get(legacyKey);
            if (state != null) {
                members.put(key, state);
                members.delete(legacyKey);
            }
        }
        return state == null ? MemberState.UNKNOWN : state;
    }

    private void reject(Record<String, byte[]> record, Rejection rejection) {
        Optional<RecordMetadata> source = context.recordMetadata();
        String topic = source.map(RecordMetadata::topic).orElse(settings.inputTopic());
        int partition = source.map(RecordMetadata::partition).orElse(-1);
        long offset = source.map(RecordMetadata::offset).orElse(-1L);
        // no log line per record: the rejected topic has each one, the log a periodic summary per reason
        outcomes.recordRejected(rejection.reason().name(), topic + "-" + partition + "@" + offset, rejection.detail());
        context.forward(new Record<String, Object>(record.key(),
                RejectedEvents.of(rejection, record.value(), topic, partition, offset), record.timestamp()),
                MembershipTopology.REJECTED_SINK);
    }
}
