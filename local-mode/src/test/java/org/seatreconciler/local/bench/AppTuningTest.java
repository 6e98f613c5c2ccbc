package org.seatreconciler.local.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** Q runs with the streams app's commit interval and producer settings, from its streams-app.yml and --streams-props. */
class AppTuningTest {

    @Test
    void thePassThroughAppTakesTheAppsProducerSettings() {
        AppTuning own = new AppTuning(Map.of());

        assertThat(own.commitInterval()).isEqualTo(Duration.ofSeconds(1));
        assertThat(own.passThroughSettings()).isEqualTo(Map.of("producer.batch.size", "262144", "producer.linger.ms", "20"));
    }

    @Test
    void streamsPropsOverTheAppsOwnApplyToThePassThroughAppsProducerAndCommits() {
        AppTuning tuned = new AppTuning(Map.of("producer.linger.ms", "5", "commit.interval.ms", "100",
                "statestore.cache.max.bytes", "0"));

        assertThat(tuned.commitInterval()).isEqualTo(Duration.ofMillis(100));
        assertThat(tuned.passThroughSettings()).isEqualTo(Map.of("producer.batch.size", "262144", "producer.linger.ms", "5"));
    }
}
