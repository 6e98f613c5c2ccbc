package org.seatreconciler.streams.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.apache.kafka.streams.KafkaStreams.State;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

class KafkaStreamsHealthIndicatorTest {

    @Test
    void runningIsUpWithTheStateAsDetail() {
        Health health = KafkaStreamsHealthIndicator.of(State.RUNNING);

        assertThat(health.getStatus()).isEqualTo(Status.UP);
        assertThat(health.getDetails()).isEqualTo(Map.of("state", "RUNNING"));
    }

    @Test
    void rebalancingIsStillUpAndSaysSo() {
        Health health = KafkaStreamsHealthIndicator.of(State.REBALANCING);

        assertThat(health.getStatus()).isEqualTo(Status.UP);
        assertThat(health.getDetails()).containsEntry("state", "REBALANCING").containsEntry("reason",
                "partitions are being assigned or state restored; live counts answer 503 until it is RUNNING again");
    }

    @Test
    void aClientShutDownByAnUncaughtExceptionIsDownSoThatTheAppIsRestarted() {
        for (State state : new State[] {State.ERROR, State.PENDING_ERROR}) {
            Health health = KafkaStreamsHealthIndicator.of(state);

            assertThat(health.getStatus()).as("%s", state).isEqualTo(Status.DOWN);
            assertThat(health.getDetails()).as("%s", state).isEqualTo(Map.of("state", state.name(),
                    "reason", "the streams client shut down after an uncaught exception; restart the app"));
        }
    }

    @Test
    void aStoppingOrStoppedClientIsDown() {
        for (State state : new State[] {State.PENDING_SHUTDOWN, State.NOT_RUNNING}) {
            Health health = KafkaStreamsHealthIndicator.of(state);

            assertThat(health.getStatus()).as("%s", state).isEqualTo(Status.DOWN);
            assertThat(health.getDetails()).as("%s", state).containsEntry("state", state.name());
        }
    }

    @Test
    void aClientNotStartedOrNotCreatedIsDown() {
        assertThat(KafkaStreamsHealthIndicator.of(State.CREATED).getStatus()).isEqualTo(Status.DOWN);
        assertThat(KafkaStreamsHealthIndicator.of(State.CREATED).getDetails()).isEqualTo(Map.of("state", "CREATED",
                "reason", "the streams client has not been started"));

        Health none = new KafkaStreamsHealthIndicator(() -> null).health();
        assertThat(none.getStatus()).isEqualTo(Status.DOWN);
        assertThat(none.getDetails()).containsEntry("state", "NOT_CREATED");
    }

    @Test
    void onlyRunningAndRebalancingAreUp() {
        for (State state : State.values()) {
            boolean up = state == State.RUNNING || state == State.REBALANCING;
            assertThat(KafkaStreamsHealthIndicator.of(state).getStatus()).as("%s", state)
                    .isEqualTo(up ? Status.UP : Status.DOWN);
        }
    }
}
