package org.seatreconciler.streams.monitoring;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

import org.seatreconciler.streams.topics.TopicConfigCheck;
import org.seatreconciler.streams.topics.TopicMismatch;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * The startup check of the topics' configs ({@link TopicConfigCheck}) as health component {@code topicConfigs}.
 * Always UP: a topic with other configs is for the operators to fix, not a reason for an orchestrator to
 * restart the app; the details name each differing topic and what it needs ({@code mismatches}), or why the
 * check could not look ({@code problem}).
 */
public class TopicConfigHealthIndicator implements HealthIndicator {

    private final Supplier<TopicConfigCheck.State> state;

    public TopicConfigHealthIndicator(Supplier<TopicConfigCheck.State> state) {
        this.state = state;
    }

    @Override
    public Health health() {
        return of(state.get());
    }

    static Health of(TopicConfigCheck.State state) {
        Health.Builder health = Health.up().withDetail("checked", state.checked());
        if (!state.checked()) {
            return health.withDetail("problem", state.problem()).build();
        }
        Map<String, String> mismatches = new LinkedHashMap<>();
        for (TopicMismatch m : state.mismatches()) {
            mismatches.put(m.topic(), m.changes());
        }
        health.withDetail("mismatches", mismatches);
        return state.problem() == null ? health.build() : health.withDetail("problem", state.problem()).build();
    }
}
