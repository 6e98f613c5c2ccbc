package org.seatreconciler.schemas.settings;

import java.time.Duration;
import java.time.ZoneId;
import java.util.Locale;

import org.seatreconciler.schemas.Topics;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The {@code seats.*} settings every part of the system shares: the registry, the billing zone and the
 * topics with the settings of DESIGN.md section 5. Both apps bind this one type, and the local mode passes
 * it to them by these names, so the two apps cannot disagree on a name or a default. Each app's own
 * settings live beside it ({@code seats.streams.*}, {@code seats.billing.*}).
 *
 * @param schemaRegistryUrl a Confluent-compatible registry, or {@code mock://scope} (in-memory, one JVM)
 * @param billingZone       the calendar of days (streams app) and of billing months (nightly job)
 */
@ConfigurationProperties("seats")
public record SeatsSettings(
        @DefaultValue("http://localhost:8081") String schemaRegistryUrl,
        @DefaultValue("UTC") ZoneId billingZone,
        @DefaultValue TopicSettings topics) {

    /** The settings that name the topics, for messages that say what to fix. */
    public static final String MEMBERSHIP_EVENTS_SETTING = "seats.topics.membership-events";
    public static final String ORG_DAILY_SETTING = "seats.topics.org-daily";
    public static final String ORG_PLANS_SETTING = "seats.topics.org-plans";
    public static final String BILLING_ZONE_SETTING = "seats.billing-zone";

    /** Section 5: seats.org-daily keeps at least 40 days. */
    public static final Duration MIN_DAILY_RETENTION = Duration.ofDays(40);
    /** Section 5: a restarted job must find what its first attempt saw for at least a day. */
    public static final Duration MIN_COMPACTION_LAG = Duration.ofDays(1);

    public SeatsSettings {
        topics = topics == null ? TopicSettings.defaults() : topics;
    }

    /** Every default, as an app that sets nothing gets them. */
    public static SeatsSettings defaults() {
        return new SeatsSettings("http://localhost:8081", ZoneId.of("UTC"), TopicSettings.defaults());
    }

    /**
     * Topic names and the settings the topics are created with (by the streams app when
     * {@code create=true}, by the local mode, by the operators' topic service otherwise; see
     * {@link TopicLayout}).
     *
     * @param create            the streams app creates missing topics ({@code false} in production: the
     *                          operators own them, the input topic belongs to the HR systems)
     * @param dailyRetention    how long seats.org-daily keeps a day (compact,delete)
     * @param minCompactionLag  how long a superseded record stays readable on the topics the nightly job
     *                          reads, so a restarted job finds what its first attempt saw
     */
    public record TopicSettings(
            @DefaultValue(Topics.MEMBERSHIP_EVENTS) String membershipEvents,
            @DefaultValue(Topics.REJECTED) String rejected,
            @DefaultValue(Topics.ORG_COUNTS) String orgCounts,
            @DefaultValue(Topics.ORG_DAILY) String orgDaily,
            @DefaultValue(Topics.ORG_PLANS) String orgPlans,
            @DefaultValue("true") boolean create,
            @DefaultValue("6") int inputPartitions,
            @DefaultValue("6") int outputPartitions,
            @DefaultValue("1") short replicationFactor,
            @DefaultValue("62d") Duration dailyRetention,
            @DefaultValue("1d") Duration minCompactionLag) {

        public TopicSettings {
            require(dailyRetention.compareTo(MIN_DAILY_RETENTION) >= 0, "seats.topics.daily-retention must be at least "
                    + MIN_DAILY_RETENTION.toDays() + " days (DESIGN.md section 5), got " + describe(dailyRetention));
            require(minCompactionLag.compareTo(MIN_COMPACTION_LAG) >= 0, "seats.topics.min-compaction-lag must be at "
                    + "least 1 day (DESIGN.md section 5), got " + describe(minCompactionLag));
            require(inputPartitions > 0 && outputPartitions > 0, "seats.topics.*-partitions must be positive");
            require(replicationFactor > 0, "seats.topics.replication-factor must be positive");
        }

        public static TopicSettings defaults() {
            return new TopicSettings(Topics.MEMBERSHIP_EVENTS, Topics.REJECTED, Topics.ORG_COUNTS, Topics.ORG_DAILY,
                    Topics.ORG_PLANS, true, 6, 6, (short) 1, Duration.ofDays(62), Duration.ofDays(1));
        }

        /** The same names and settings with other partition counts and replication (local runs, tests). */
        public TopicSettings withLayout(int inputPartitions, int outputPartitions, short replicationFactor) {
            return new TopicSettings(membershipEvents, rejected, orgCounts, orgDaily, orgPlans, create,
                    inputPartitions, outputPartitions, replicationFactor, dailyRetention, minCompactionLag);
        }

        private static void require(boolean condition, String message) {
            if (!condition) {
                throw new IllegalArgumentException(message);
            }
        }

        private static String describe(Duration duration) {
            return duration.toString().substring(2).toLowerCase(Locale.ROOT);
        }
    }
}
