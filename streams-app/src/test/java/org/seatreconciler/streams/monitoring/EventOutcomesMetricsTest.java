package org.seatreconciler.streams.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.seatreconciler.streams.counting.EventOutcomes;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

class EventOutcomesMetricsTest {

    @Test
    void countersReadTheOutcomesWhenScrapedAndEveryReasonHasOneFromTheStart() {
        EventOutcomes outcomes = new EventOutcomes();
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        new EventOutcomesMetrics(outcomes).bindTo(registry);

        assertThat(registry.get("seats.events.rejected").functionCounters()).hasSize(4);
        assertThat(rejected(registry, "FUTURE_TIMESTAMP")).isZero();
        assertThat(count(registry, "seats.events.applied")).isZero();
        assertThat(rejected(registry, "SELF_ROLE_CHANGE")).isZero();

        outcomes.recordApplied();
        outcomes.recordApplied();
        outcomes.recordDuplicate();
        outcomes.recordRejected("MALFORMED", "t-0@1", "d");
        outcomes.recordRejected("MALFORMED", "t-0@1", "d");
        outcomes.recordRejected("UNAUTHORIZED_ROLE_CHANGE", "t-0@2", "d");

        assertThat(count(registry, "seats.events.applied")).isEqualTo(2.0);
        assertThat(count(registry, "seats.events.duplicates")).isEqualTo(1.0);
        assertThat(rejected(registry, "MALFORMED")).isEqualTo(2.0);
        assertThat(rejected(registry, "UNAUTHORIZED_ROLE_CHANGE")).isEqualTo(1.0);
        assertThat(rejected(registry, "SELF_ROLE_CHANGE")).isZero();
    }

    private static double count(SimpleMeterRegistry registry, String name) {
        return registry.get(name).functionCounter().count();
    }

    private static double rejected(SimpleMeterRegistry registry, String reason) {
        FunctionCounter counter = registry.get("seats.events.rejected").tag("reason", reason).functionCounter();
        return counter.count();
    }
}
