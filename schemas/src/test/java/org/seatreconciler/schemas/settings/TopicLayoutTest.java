package org.seatreconciler.schemas.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;

class TopicLayoutTest {

    @Test
    void theTopicsOfSectionFiveWithTheirSettings() {
        Map<String, NewTopic> topics = TopicLayout.of(SeatsSettings.TopicSettings.defaults()).stream()
                .collect(Collectors.toMap(NewTopic::name, t -> t));

        assertThat(topics).containsOnlyKeys("hr.membership-events", "hr.membership-events.rejected",
                "seats.org-counts", "seats.org-daily", "billing.org-plans");
        assertThat(topics.get("hr.membership-events").numPartitions()).isEqualTo(6);
        assertThat(topics.get("hr.membership-events").configs()).isNullOrEmpty();
        assertThat(topics.get("seats.org-counts").configs()).isEqualTo(Map.of("cleanup.policy", "compact"));
        assertThat(topics.get("seats.org-daily").configs()).isEqualTo(Map.of(
                "cleanup.policy", "compact,delete",
                "retention.ms", "5356800000", // 62 days
                "min.compaction.lag.ms", "86400000")); // 1 day
        assertThat(topics.get("billing.org-plans").configs()).isEqualTo(Map.of(
                "cleanup.policy", "compact", "min.compaction.lag.ms", "86400000"));
    }

    @Test
    void aDailyRetentionUnderFortyDaysOrACompactionLagUnderADayIsRefused() {
        SeatsSettings.TopicSettings d = SeatsSettings.TopicSettings.defaults();

        assertThatThrownBy(() -> new SeatsSettings.TopicSettings(d.membershipEvents(), d.rejected(), d.orgCounts(),
                d.orgDaily(), d.orgPlans(), true, 1, 1, (short) 1, Duration.ofDays(39), Duration.ofDays(1)))
                .hasMessage("seats.topics.daily-retention must be at least 40 days (DESIGN.md section 5), got 936h");
        assertThatThrownBy(() -> new SeatsSettings.TopicSettings(d.membershipEvents(), d.rejected(), d.orgCounts(),
                d.orgDaily(), d.orgPlans(), true, 1, 1, (short) 1, Duration.ofDays(40), Duration.ofHours(23)))
                .hasMessage("seats.topics.min-compaction-lag must be at least 1 day (DESIGN.md section 5), got 23h");
    }
}
