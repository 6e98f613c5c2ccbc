package org.seatreconciler.streams.counting;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.processor.api.RecordMetadata;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
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
 * duplicate (the member's applied ids), role-change rule, last-writer-wins apply; rejections are published at
 * once, an organisation's counts and day (section 5) when its cached state is written through, at most once
 * per commit ({@link UnpublishedOrgs}). All stores are keyed by organisation (or organisation + id,
 * {@link StoreKeys}) and the input is keyed by orgId, so an organisation's whole state lives in this task and
 * no repartition is needed.
 */
class MembershipEventProcessor implements Processor<String, byte[], String, Object> {

    private static final Logger log = LoggerFactory.getLogger(MembershipEventProcessor.class);
    private static final Serializer<String> KEY_SERIALIZER = new StringSerializer();
    /** About 20 MB of heap per task at most; an organisation forgotten is only looked up again. */
    private static final int MAX_ORGS_REMEMBERED = 200_000;

    private final TopologySettings settings;
    private final EventDecoder decoder;
    private final EventOutcomes outcomes;
    private final UnpublishedOrgs unpublished = new UnpublishedOrgs();
    /** Organisation -> whether it has members under legacy keys, as found by its first member not found. */
    private final Map<String, Boolean> legacyKeys = new HashMap<>();

    private ProcessorContext<String, Object> context;
    private KeyValueStore<String, MemberRecord> members;
    private KeyValueStore<String, OrgState> orgs;

    MembershipEventProcessor(TopologySettings settings, EventDecoder decoder, EventOutcomes outcomes) {
        this.settings = settings;
        this.decoder = decoder;
        this.outcomes = outcomes;
    }

    @Override
    public void init(ProcessorContext<String, Object> context) {
        this.context = context;
        this.members = context.getStateStore(MembershipTopology.MEMBER_STATE_STORE);
        this.orgs = context.getStateStore(MembershipTopology.ORG_STATE_STORE);
        // init also follows a task's revival after a failure, when the cache has been cleared too
        unpublished.clear();
        legacyKeys.clear();
        CacheWriteThrough.register(context, orgs, this::publish);
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
        MemberRecord member = memberRecord(event.getOrgId(), event.getMemberId());
        // remembered and judged at processing (wall-clock) time, not at the record's timestamp: one record with a
        // far-future timestamp would otherwise make every remembered id look expired
        long now = context.currentSystemTimeMs();
        if (member.applied().contains(event.getEventId(), now, settings.dedupRetention())) {
            outcomes.recordDuplicate();
            log.debug("Ignored duplicate event {} of org {} member {}", event.getEventId(), event.getOrgId(),
                    event.getMemberId());
            return;
        }
        if (event.getType() == MembershipEventType.ROLE_CHANGED) {
            Optional<Rejection> unauthorised = RoleChangeRule.check(event.getEventId(), event.getOrgId(),
                    event.getMemberId(), event.getActorId(), memberRecord(event.getOrgId(), event.getActorId()).state());
            if (unauthorised.isPresent()) {
                reject(record, unauthorised.get());
                return;
            }
        }
        MemberState after = member.state().apply(MemberChange.of(event));
        members.put(StoreKeys.of(event.getOrgId(), event.getMemberId()),
                new MemberRecord(after, member.applied().plus(event.getEventId(), now, settings.dedupRetention())));
        apply(event, member.state(), after, record);
        outcomes.recordApplied();
    }

    private void apply(MembershipEvent event, MemberState before, MemberState after, Record<String, byte[]> record) {
        String orgId = event.getOrgId();
        OrgState stored = orgs.get(orgId);
        OrgState next = OrgState.after(stored, before, after, event.getOccurredAt(), settings.billingZone());
        unpublished.changing(orgId, stored, next).ifPresent(ended -> publishDay(orgId, ended, record.timestamp()));
        orgs.put(orgId, next);
        log.debug("Applied event {} ({}) to org {} member {}", event.getEventId(), event.getType(), orgId,
                event.getMemberId());
    }

    /**
     * The organisation's outputs (section 5), published when its store entry is written through the record
     * cache: at each commit, inside its transaction, once per organisation however many events changed it.
     */
    private void publish(String orgId, OrgState org, long timestamp) {
        UnpublishedOrgs.Publication publication = unpublished.writtenThrough(orgId, org);
        if (publication.counts()) {
            context.forward(new Record<String, Object>(orgId, OrgSeatOutputs.counts(orgId, org.figures(),
                    org.countsChangedAt()), timestamp), MembershipTopology.ORG_COUNTS_SINK);
        }
        if (publication.latestDay()) {
            publishDay(orgId, org.latestDay(), timestamp);
        }
    }

    private void publishDay(String orgId, DailySeats day, long timestamp) {
        context.forward(new Record<String, Object>(Topics.dailyKey(orgId, day.day()),
                OrgSeatOutputs.day(orgId, day, settings.billingZone()), timestamp), MembershipTopology.ORG_DAILY_SINK);
    }

    private MemberRecord memberRecord(String orgId, String memberId) {
        if (memberId == null || memberId.isEmpty()) {
            return MemberRecord.UNKNOWN;
        }
        String key = StoreKeys.of(orgId, memberId);
        MemberRecord member = members.get(key);
        if (member == null && mayHaveLegacyKeys(orgId)) {
            // written before the length-prefixed keys: moved over on first use
            String legacyKey = StoreKeys.legacy(orgId, memberId);
            member = members.get(legacyKey);
            if (member != null) {
                members.put(key, member);
                members.delete(legacyKey);
            }
        }
        return member == null ? MemberRecord.UNKNOWN : member;
    }

    /**
     * Whether the organisation may still have members under {@link StoreKeys#legacy} keys. Asked when a member
     * is not found, i.e. for every member's first event: rather than a second RocksDB lookup for each of them,
     * the organisation's legacy keys are looked for once, by prefix, and the answer is remembered (a "yes" that
     * goes stale as its members move over only costs the legacy lookup made before). Only a store restored from
     * an older version's changelog holds legacy keys, and a restore re-initialises this processor, which
     * forgets every answer.
     */
    private boolean mayHaveLegacyKeys(String orgId) {
        Boolean known = legacyKeys.get(orgId);
        if (known != null) {
            return known;
        }
        boolean found;
        try (KeyValueIterator<String, MemberRecord> legacy = members.prefixScan(StoreKeys.legacyPrefix(orgId),
                KEY_SERIALIZER)) {
            found = legacy.hasNext();
        }
        if (legacyKeys.size() >= MAX_ORGS_REMEMBERED) {
            legacyKeys.clear(); // bounds the heap; forgetting only costs a lookup
        }
        legacyKeys.put(orgId, found);
        return found;
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
