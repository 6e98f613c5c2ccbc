package org.seatreconciler.streams.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.seatreconciler.streams.topics.TopicConfigCheck;
import org.seatreconciler.streams.topics.TopicMismatch;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

class TopicConfigHealthIndicatorTest {

    @Test
    void aTopicWithOtherConfigsIsNamedWithWhatItNeedsAndTheAppStaysUp() {
        Health health = TopicConfigHealthIndicator.of(new TopicConfigCheck.State(true, List.of(new TopicMismatch(
                "seats.org-daily", List.of(new TopicMismatch.Difference("cleanup.policy", "compact", "compact,delete")))),
                null));

        assertThat(health.getStatus()).isEqualTo(Status.UP);
        assertThat(health.getDetails()).isEqualTo(Map.of("checked", true,
                "mismatches", Map.of("seats.org-daily", "cleanup.policy compact -> compact,delete")));
    }

    @Test
    void aCheckThatCouldNotLookSaysWhy() {
        Health health = TopicConfigHealthIndicator.of(new TopicConfigCheck.State(false, List.of(),
                "TimeoutException: Timed out waiting for a node assignment. Call: describeConfigs"));

        assertThat(health.getStatus()).isEqualTo(Status.UP);
        assertThat(health.getDetails()).isEqualTo(Map.of("checked", false,
                "problem", "TimeoutException: Timed out waiting for a node assignment. Call: describeConfigs"));
    }
}
