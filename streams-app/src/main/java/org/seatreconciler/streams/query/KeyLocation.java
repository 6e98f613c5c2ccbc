package org.seatreconciler.streams.query;

import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.state.HostInfo;

/**
 * Where a key's active store lives, decided from the streams client's state and the key's metadata
 * alone, so every case is tested without a broker. Only the active copy is read: a standby may lag, and
 * a dashboard asking twice must not see counts go back.
 */
public sealed interface KeyLocation {

    /** The active store of {@code partition} is on this instance. */
    record Local(int partition) implements KeyLocation {
    }

    /** The active store is on another instance, at its {@code application.server}. */
    record Remote(String host, int port) implements KeyLocation {
    }

    /** Nobody can answer now; {@code reason} says why. */
    record Unavailable(String reason) implements KeyLocation {
    }

    /**
     * @param state    the streams client's state (null: not created yet)
     * @param metadata {@code queryMetadataForKey}'s answer (null or {@link KeyQueryMetadata#NOT_AVAILABLE}
     *                 while the assignment is not known)
     * @param self     this instance's {@code application.server}, or null when it is not set: then the
     *                 assignment carries no hosts, and this instance is taken to be the only one
     */
    static KeyLocation of(KafkaStreams.State state, KeyQueryMetadata metadata, HostInfo self) {
        if (state != KafkaStreams.State.RUNNING) {
            return new Unavailable("the streams app is " + (state == null ? "not started" : state)
                    + ", not RUNNING");
        }
        if (metadata == null || metadata.partition() < 0) {
            return new Unavailable("the partition assignment is not known yet");
        }
        if (self == null) {
            return new Local(metadata.partition());
        }
        HostInfo active = metadata.activeHost();
        if (active.equals(self)) {
            return new Local(metadata.partition());
        }
        if (active.equals(HostInfo.unavailable())) {
            return new Unavailable("no instance hosts partition " + metadata.partition() + " now");
        }
        return new Remote(active.host(), active.port());
    }
}
