package org.seatreconciler.streams.counting;

import java.time.Duration;
import java.time.ZoneId;
import java.util.Objects;

import org.seatreconciler.schemas.Topics;

/** What the topology needs to know of its surroundings: topic names, the billing zone, dedup retention. */
public record TopologySettings(String inputTopic, String rejectedTopic, String orgCountsTopic, String orgDailyTopic,
                               ZoneId billingZone, Duration dedupRetention) {

    public static final Duration DEFAULT_DEDUP_RETENTION = Duration.ofDays(30);

    public TopologySettings {
        Objects.requireNonNull(inputTopic, "inputTopic");
        Objects.requireNonNull(rejectedTopic, "rejectedTopic");
        Objects.requireNonNull(orgCountsTopic, "orgCountsTopic");
        Objects.requireNonNull(orgDailyTopic, "orgDailyTopic");
        Objects.requireNonNull(billingZone, "billingZone");
        if (dedupRetention == null || dedupRetention.isNegative() || dedupRetention.isZero()) {
            throw new IllegalArgumentException("dedupRetention must be positive, got " + dedupRetention);
        }
    }

    /** The default topic names, UTC and 30 days of dedup retention. */
    public static TopologySettings defaults() {
        return new TopologySettings(Topics.MEMBERSHIP_EVENTS, Topics.REJECTED, Topics.ORG_COUNTS, Topics.ORG_DAILY,
                ZoneId.of("UTC"), DEFAULT_DEDUP_RETENTION);
    }
}
