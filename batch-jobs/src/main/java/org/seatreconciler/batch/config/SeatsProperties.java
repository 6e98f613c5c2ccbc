package org.seatreconciler.batch.config;

import java.time.ZoneId;

import org.seatreconciler.schemas.Topics;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** The settings shared by both apps ({@code seats.*}). */
@ConfigurationProperties("seats")
public record SeatsProperties(
        @DefaultValue("http://localhost:8081") String schemaRegistryUrl,
        @DefaultValue("UTC") ZoneId billingZone,
        @DefaultValue TopicNames topics) {

    public record TopicNames(
            @DefaultValue(Topics.MEMBERSHIP_EVENTS) String membershipEvents,
            @DefaultValue(Topics.REJECTED) String rejected,
            @DefaultValue(Topics.ORG_COUNTS) String orgCounts,
            @DefaultValue(Topics.ORG_DAILY) String orgDaily,
            @DefaultValue(Topics.ORG_PLANS) String orgPlans) {
    }
}
