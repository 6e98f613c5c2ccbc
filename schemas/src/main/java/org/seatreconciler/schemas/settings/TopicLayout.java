package org.seatreconciler.schemas.settings;

import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;

/**
 * The topics of DESIGN.md section 5 with the settings they must be created with, in one place for
 * everyone who creates them: the streams app ({@code seats.topics.create=true}), the local mode, and the
 * tests that check the operators' topic service of {@code docker-compose.yml} against it.
 * <ul>
 *   <li>{@code hr.membership-events}, {@code hr.membership-events.rejected}: the cluster's delete policy;</li>
 *   <li>{@code seats.org-counts}: compacted (the latest counts per organisation);</li>
 *   <li>{@code seats.org-daily}: {@code compact,delete} with the daily retention, so it holds recent days
 *       rather than the whole history, and the compaction lag the nightly job needs;</li>
 *   <li>{@code billing.org-plans}: compacted, with the compaction lag (the job reads it).</li>
 * </ul>
 */
public final class TopicLayout {

    private TopicLayout() {
    }

    /** Input and rejected topics get {@code inputPartitions}; the three keyed state topics {@code outputPartitions}. */
    public static List<NewTopic> of(SeatsSettings.TopicSettings t) {
        short rf = t.replicationFactor();
        return List.of(
                new NewTopic(t.membershipEvents(), t.inputPartitions(), rf),
                new NewTopic(t.rejected(), t.inputPartitions(), rf),
                new NewTopic(t.orgCounts(), t.outputPartitions(), rf).configs(compacted()),
                new NewTopic(t.orgDaily(), t.outputPartitions(), rf).configs(daily(t)),
                new NewTopic(t.orgPlans(), t.outputPartitions(), rf).configs(plans(t)));
    }

    /** The configs {@code seats.org-daily} is created with. */
    public static Map<String, String> daily(SeatsSettings.TopicSettings t) {
        return Map.of(
                TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT + "," + TopicConfig.CLEANUP_POLICY_DELETE,
                TopicConfig.RETENTION_MS_CONFIG, String.valueOf(t.dailyRetention().toMillis()),
                TopicConfig.MIN_COMPACTION_LAG_MS_CONFIG, String.valueOf(t.minCompactionLag().toMillis()));
    }

    /** The configs {@code billing.org-plans} is created with. */
    public static Map<String, String> plans(SeatsSettings.TopicSettings t) {
        return Map.of(
                TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT,
                TopicConfig.MIN_COMPACTION_LAG_MS_CONFIG, String.valueOf(t.minCompactionLag().toMillis()));
    }

    private static Map<String, String> compacted() {
        return Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT);
    }
}
