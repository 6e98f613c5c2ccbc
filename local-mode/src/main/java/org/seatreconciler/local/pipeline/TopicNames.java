package org.seatreconciler.local.pipeline;

import org.seatreconciler.schemas.Topics;

/** The five topics of a run (the shared {@code seats.topics.*} settings). */
public record TopicNames(String membershipEvents, String rejected, String orgCounts, String orgDaily, String orgPlans) {

    public static TopicNames defaults() {
        return new TopicNames(Topics.MEMBERSHIP_EVENTS, Topics.REJECTED, Topics.ORG_COUNTS, Topics.ORG_DAILY, Topics.ORG_PLANS);
    }
}
