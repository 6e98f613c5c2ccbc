package org.seatreconciler.streams.config;

import java.time.Duration;
import java.time.ZoneId;

import org.seatreconciler.schemas.Topics;
import org.seatreconciler.streams.counting.TopologySettings;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The {@code seats.*} settings shared with the batch jobs, plus this app's own. Every one can be set
 * from the environment by relaxed binding (e.g. {@code SEATS_SCHEMAREGISTRYURL},
 * {@code SEATS_TOPICS_MEMBERSHIPEVENTS}, {@code SEATS_STREAMS_DEDUPRETENTION}); null means the default.
 */
@ConfigurationProperties("seats")
public record SeatsProperties(String schemaRegistryUrl, ZoneId billingZone, TopicsProperties topics,
                              StreamsProperties streams) {

    public SeatsProperties {
        schemaRegistryUrl = schemaRegistryUrl == null ? "http://localhost:8081" : schemaRegistryUrl;
        billingZone = billingZone == null ? ZoneId.of("UTC") : billingZone;
        topics = topics == null ? new TopicsProperties(null, null, null, null, null, null, null, null, null) : topics;
        streams = streams == null ? new StreamsProperties(null) : streams;
    }

    /**
     * Topic names and how the app creates them when missing. {@code create=false} leaves topic
     * management to the operators (the input topic belongs to the HR systems).
     */
    public record TopicsProperties(String membershipEvents, String rejected, String orgCounts, String orgDaily,
                                   String orgPlans, Boolean create, Integer inputPartitions,
                                   Integer outputPartitions, Short replicationFactor) {

        public TopicsProperties {
            membershipEvents = membershipEvents == null ? Topics.MEMBERSHIP_EVENTS : membershipEvents;
            rejected = rejected == null ? Topics.REJECTED : rejected;
            orgCounts = orgCounts == null ? Topics.ORG_COUNTS : orgCounts;
            orgDaily = orgDaily == null ? Topics.ORG_DAILY : orgDaily;
            orgPlans = orgPlans == null ? Topics.ORG_PLANS : orgPlans;
            create = create == null ? Boolean.TRUE : create;
            inputPartitions = inputPartitions == null ? 6 : inputPartitions;
            outputPartitions = outputPartitions == null ? 6 : outputPartitions;
            replicationFactor = replicationFactor == null ? 1 : replicationFactor;
        }
    }

    /** Settings of the topology itself. */
    public record StreamsProperties(Duration dedupRetention) {

        public StreamsProperties {
            dedupRetention = dedupRetention == null ? TopologySettings.DEFAULT_DEDUP_RETENTION : dedupRetention;
        }
    }

    public TopologySettings topologySettings() {
        return new TopologySettings(topics.membershipEvents(), topics.rejected(), topics.orgCounts(),
                topics.orgDaily(), billingZone, streams.dedupRetention());
    }
}
