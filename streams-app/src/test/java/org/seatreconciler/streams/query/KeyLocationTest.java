package org.seatreconciler.streams.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;

import org.apache.kafka.streams.KafkaStreams.State;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.state.HostInfo;
import org.junit.jupiter.api.Test;

class KeyLocationTest {

    private static final HostInfo SELF = new HostInfo("streams-1", 8080);
    private static final HostInfo OTHER = new HostInfo("streams-2", 8081);

    @Test
    void aKeyWhoseActiveStoreIsHereIsReadHere() {
        assertThat(KeyLocation.of(State.RUNNING, new KeyQueryMetadata(SELF, Set.of(OTHER), 2), SELF))
                .isEqualTo(new KeyLocation.Local(2));
    }

    @Test
    void aKeyHostedElsewhereNamesTheActiveHostEvenWhenThisInstanceHasAStandby() {
        assertThat(KeyLocation.of(State.RUNNING, new KeyQueryMetadata(OTHER, Set.of(SELF), 4), SELF))
                .isEqualTo(new KeyLocation.Remote("streams-2", 8081));
    }

    @Test
    void nothingIsAnsweredUnlessRunning() {
        KeyQueryMetadata here = new KeyQueryMetadata(SELF, Set.of(), 0);

        assertThat(KeyLocation.of(State.REBALANCING, here, SELF))
                .isEqualTo(new KeyLocation.Unavailable("the streams app is REBALANCING, not RUNNING"));
        assertThat(KeyLocation.of(State.CREATED, here, SELF))
                .isEqualTo(new KeyLocation.Unavailable("the streams app is CREATED, not RUNNING"));
        assertThat(KeyLocation.of(State.ERROR, here, SELF))
                .isEqualTo(new KeyLocation.Unavailable("the streams app is ERROR, not RUNNING"));
        assertThat(KeyLocation.of(null, null, SELF))
                .isEqualTo(new KeyLocation.Unavailable("the streams app is not started, not RUNNING"));
    }

    @Test
    void metadataNotYetKnownIsUnavailable() {
        assertThat(KeyLocation.of(State.RUNNING, KeyQueryMetadata.NOT_AVAILABLE, SELF))
                .isEqualTo(new KeyLocation.Unavailable("the partition assignment is not known yet"));
        assertThat(KeyLocation.of(State.RUNNING, null, SELF))
                .isEqualTo(new KeyLocation.Unavailable("the partition assignment is not known yet"));
    }

    @Test
    void aPartitionWithNoActiveHostIsUnavailable() {
        assertThat(KeyLocation.of(State.RUNNING, new KeyQueryMetadata(HostInfo.unavailable(), Set.of(), 1), SELF))
                .isEqualTo(new KeyLocation.Unavailable("no instance hosts partition 1 now"));
    }

    /** Without application.server the assignment carries no hosts: a single instance reads its own store. */
    @Test
    void withoutAnAdvertisedAddressEveryKeyIsLocal() {
        assertThat(KeyLocation.of(State.RUNNING, new KeyQueryMetadata(HostInfo.unavailable(), Set.of(), 5), null))
                .isEqualTo(new KeyLocation.Local(5));
    }
}
