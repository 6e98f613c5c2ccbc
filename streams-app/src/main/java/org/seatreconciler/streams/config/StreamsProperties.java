package org.seatreconciler.streams.config;

import java.time.Duration;

import org.seatreconciler.schemas.settings.SeatsSettings;
import org.seatreconciler.streams.counting.TopologySettings;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * This app's own settings, {@code seats.streams.*}; what it shares with the nightly job is
 * {@link SeatsSettings}. Settable from the environment by relaxed binding, e.g.
 * {@code SEATS_STREAMS_DEDUPRETENTION=14d}.
 *
 * @param dedupRetention           how long an applied eventId is remembered for duplicate detection
 * @param futureTolerance          how far after the processing time an occurredAt may lie; beyond it the
 *                                 event is rejected as FUTURE_TIMESTAMP
 * @param rejectionSummaryInterval how often the log gets one line per rejection reason seen since the last
 * @param exitOnFatalFailure       end the process (non-zero status) on a failure a restart cannot fix;
 *                                 {@code false} leaves the client in ERROR (the local mode, which runs this
 *                                 app inside its own JVM)
 * @param threadReplacementLimit   how many recoverable stream-thread failures within
 *                                 {@code threadReplacementWindow} are replaced before the process exits
 *                                 (status 6): beyond it the app is not recovering by itself
 * @param rocksdbMemory            the off-heap memory of all the process' RocksDB stores together
 *                                 ({@link RocksDbMemory}), at least 16 MB
 */
@ConfigurationProperties("seats.streams")
public record StreamsProperties(
        @DefaultValue("30d") Duration dedupRetention,
        @DefaultValue("24h") Duration futureTolerance,
        @DefaultValue("1m") Duration rejectionSummaryInterval,
        @DefaultValue("true") boolean exitOnFatalFailure,
        @DefaultValue("20") int threadReplacementLimit,
        @DefaultValue("10m") Duration threadReplacementWindow,
        @DefaultValue("256MB") DataSize rocksdbMemory) {

    public StreamsProperties {
        if (rocksdbMemory.compareTo(RocksDbMemory.MINIMUM) < 0) {
            throw new IllegalArgumentException("seats.streams.rocksdb-memory must be at least 16MB, not " + rocksdbMemory);
        }
    }

    public TopologySettings topologySettings(SeatsSettings seats) {
        SeatsSettings.TopicSettings t = seats.topics();
        return new TopologySettings(t.membershipEvents(), t.rejected(), t.orgCounts(), t.orgDaily(),
                seats.billingZone(), dedupRetention, futureTolerance);
    }
}
