package org.seatreconciler.streams.query;

import java.util.function.Supplier;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.HostInfo;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.seatreconciler.streams.counting.MembershipTopology;
import org.seatreconciler.streams.counting.OrgState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers "what are this organisation's counts now" from the organisation's state (its latest day's close) by Kafka Streams
 * interactive queries: from this instance's store when it hosts the organisation's partition, else by
 * naming the instance that does.
 */
public class OrgCountsQuery {

    private static final Logger log = LoggerFactory.getLogger(OrgCountsQuery.class);

    private final Supplier<KafkaStreams> streams;
    private final HostInfo self;

    /**
     * @param streams the streams client (null until it is created)
     * @param self    this instance's {@code application.server}, null when not set
     */
    public OrgCountsQuery(Supplier<KafkaStreams> streams, HostInfo self) {
        this.streams = streams;
        this.self = self;
    }

    public CountsLookup lookup(String orgId) {
        KafkaStreams kafkaStreams = streams.get();
        try {
            KafkaStreams.State state = kafkaStreams == null ? null : kafkaStreams.state();
            KeyQueryMetadata metadata = state == KafkaStreams.State.RUNNING
                    ? kafkaStreams.queryMetadataForKey(MembershipTopology.ORG_STATE_STORE, orgId,
                    Serdes.String().serializer())
                    : null;
            KeyLocation location = KeyLocation.of(state, metadata, self);
            if (location instanceof KeyLocation.Local local) {
                return readLocal(kafkaStreams, orgId, local.partition());
            }
            if (location instanceof KeyLocation.Remote remote) {
                return new CountsLookup.Elsewhere(orgId, remote.host(), remote.port());
            }
            return new CountsLookup.Unavailable(orgId, ((KeyLocation.Unavailable) location).reason());
        } catch (InvalidStateStoreException | IllegalStateException e) {
            // the state moved between the check and the read (a rebalance began, a store is restoring)
            log.debug("Counts of org {} not queryable now", orgId, e);
            return new CountsLookup.Unavailable(orgId, "the store is not queryable now (" + e.getMessage() + ")");
        }
    }

    private static CountsLookup readLocal(KafkaStreams kafkaStreams, String orgId, int partition) {
        ReadOnlyKeyValueStore<String, OrgState> store = kafkaStreams.store(StoreQueryParameters.fromNameAndType(
                MembershipTopology.ORG_STATE_STORE, QueryableStoreTypes.<String, OrgState>keyValueStore())
                .withPartition(partition));
        OrgState org = store.get(orgId);
        // counts exist once an applied event changed them, as on seats.org-counts
        return org == null || !org.hasCounts() ? new CountsLookup.Missing(orgId)
                : new CountsLookup.Found(OrgCounts.of(orgId, org.figures()));
    }
}
