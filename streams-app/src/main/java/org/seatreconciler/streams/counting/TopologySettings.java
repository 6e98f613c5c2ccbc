package org.seatreconciler.streams.counting;

import java.time.Duration;
import java.time.ZoneId;
import java.util.Objects;

import org.seatreconciler.schemas.Topics;

/**
 * What the topology needs to know of its surroundings: topic names, the billing zone, dedup retention and
 * how far ahead of the processing time an event may be dated (FUTURE_TIMESTAMP beyond).
 */
public record TopologySettings(String inputTopic, String rejectedTopic, String orgCountsTopic, String orgDailyTopic,
                               ZoneId billingZone, Duration dedupRetention, Duration futureTolerance) {

    public static final Duration DEFAULT_DEDUP_RETENTION = Duration.ofDays(30);
    public static final Duration DEFAULT_FUTURE_TOLERANCE = Duration.ofHours(24);

    public TopologySettings {
        Objects.requireNonNull(inputTopic, "inputTopic");
        Objects.requireNonNull(rejectedTopic, "rejectedTopic");
        Objects.requireNonNull(orgCountsTopic, "orgCountsTopic");
        Objects.requireNonNull(orgDailyTopic, "orgDailyTopic");
        Objects.requireNonNull(billingZone, "billingZone");
        if (dedupRetention == null || dedupRetention.isNegative() || dedupRetention.isZero()) {
            throw new IllegalArgumentException("dedupRetention must be positive, got " + dedupRetention);
        }
        if (futureTolerance == null || futureTolerance.isNegative()) {
            throw new IllegalArgumentException("futureTolerance must not be negative, got " + futureTolerance);
        }
    }

    /** The default topic names, UTC, 30 days of dedup retention and 24 hours of future tolerance. */
    public static TopologySettings defaults() {
        return new TopologySettings(Topics.MEMBERSHIP_EVENTS, Topics.REJECTED, Topics.ORG_COUNTS, Topics.ORG_DAILY,
                ZoneId.of("UTC"), DEFAULT_DEDUP_RETENTION, DEFAULT_FUTURE_TOLERANCE);
    }
}
