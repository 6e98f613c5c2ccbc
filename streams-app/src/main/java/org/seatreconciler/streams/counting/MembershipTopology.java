package org.seatreconciler.streams.counting;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.state.Stores;
import org.seatreconciler.avro.MembershipEvent;
import org.seatreconciler.avro.OrgSeatCounts;
import org.seatreconciler.avro.OrgSeatDay;
import org.seatreconciler.avro.RejectedEvent;
import org.seatreconciler.schemas.registry.SchemaRegistryClient;
import org.seatreconciler.schemas.serde.ConfluentAvroDeserializer;
import org.seatreconciler.schemas.serde.ConfluentAvroSerializer;
import org.seatreconciler.streams.rejection.EventDecoder;

/**
 * The seat-counting topology, free of Spring: one source, one processor that owns every store, and a
 * sink per output topic. The input value is read as bytes and decoded inside the processor, so a
 * record that cannot be decoded is still at hand (bytes, topic, partition, offset) to be rejected.
 */
public final class MembershipTopology {

    public static final String SOURCE = "membership-events-source";
    public static final String PROCESSOR = "membership-event-processor";
    public static final String ORG_COUNTS_SINK = "org-counts-sink";
    public static final String ORG_DAILY_SINK = "org-daily-sink";
    public static final String REJECTED_SINK = "rejected-sink";

    /** Key {@link StoreKeys#of}(orgId, memberId); value {@link MemberRecord}: its state and the ids of the events applied to it. */
    public static final String MEMBER_STATE_STORE = "member-state-store";
    /**
     * Key orgId; value {@link OrgState}: the organisation's latest day, whose close is its current counts, and
     * when those last changed. Named for its first content, the latest day: an upgraded app keeps reading
     * the entries it wrote before.
     */
    public static final String ORG_STATE_STORE = "org-latest-day-store";

    private MembershipTopology() {
    }

    public static Topology build(TopologySettings settings, SchemaRegistryClient registry, EventOutcomes outcomes) {
        Topology topology = new Topology();
        addTo(topology, settings, registry, outcomes);
        return topology;
    }

    /** Adds the nodes to an existing (e.g. Spring-built, empty) topology. */
    public static void addTo(Topology topology, TopologySettings settings, SchemaRegistryClient registry,
                             EventOutcomes outcomes) {
        topology.addSource(SOURCE, Serdes.String().deserializer(), Serdes.ByteArray().deserializer(),
                settings.inputTopic());
        topology.addProcessor(PROCESSOR, () -> new MembershipEventProcessor(settings,
                new EventDecoder(new ConfluentAvroDeserializer<>(MembershipEvent.class, registry)), outcomes), SOURCE);

        // no record cache on per-member state: a member is rarely written twice between two commits, and the
        // cache's bookkeeping (its sorted map of keys) cost more than it saved
        topology.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(MEMBER_STATE_STORE),
                Serdes.String(), StoreSerdes.memberRecord()).withCachingDisabled(), PROCESSOR);
        topology.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(ORG_STATE_STORE),
                Serdes.String(), StoreSerdes.orgState()).withCachingEnabled(), PROCESSOR);

        topology.addSink(ORG_COUNTS_SINK, settings.orgCountsTopic(), Serdes.String().serializer(),
                new ConfluentAvroSerializer<OrgSeatCounts>(registry, false), PROCESSOR);
        topology.addSink(ORG_DAILY_SINK, settings.orgDailyTopic(), Serdes.String().serializer(),
                new ConfluentAvroSerializer<OrgSeatDay>(registry, false), PROCESSOR);
        topology.addSink(REJECTED_SINK, settings.rejectedTopic(), Serdes.String().serializer(),
                new ConfluentAvroSerializer<RejectedEvent>(registry, false), PROCESSOR);
    }
}
