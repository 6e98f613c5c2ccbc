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

    /** The settings that name the topics, for messages that say what to fix. */
    public static final String MEMBERSHIP_EVENTS_SETTING = "seats.topics.membership-events";
    public static final String ORG_DAILY_SETTING = "seats.topics.org-daily";
    public static final String ORG_PLANS_SETTING = "seats.topics.org-plans";

    public record TopicNames(
            @DefaultValue(Topics.MEMBERSHIP_EVENTS) String membershipEvents,
            @DefaultValue(Topics.REJECTED) String rejected,
            @DefaultValue(Topics.ORG_COUNTS) String orgCounts,
            @DefaultValue(Topics.ORG_DAILY) String orgDaily,
            @DefaultValue(Topics.ORG_PLANS) String orgPlans) {
    }
}
