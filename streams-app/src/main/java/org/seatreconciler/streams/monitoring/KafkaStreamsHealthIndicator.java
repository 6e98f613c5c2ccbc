package org.seatreconciler.streams.monitoring;

import java.util.function.Supplier;

import org.apache.kafka.streams.KafkaStreams;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * The streams client's state as a health component ({@code kafkaStreams} in {@code /actuator/health}):
 * UP while it processes (RUNNING, or REBALANCING, which includes restoring state), DOWN when it is not
 * started yet or has stopped. A client that was shut down after an uncaught exception (see
 * {@code StreamThreadFailureHandler}) stays in ERROR for good, so an orchestrator that probes this endpoint
 * restarts the app.
 */
public class KafkaStreamsHealthIndicator implements HealthIndicator {

    private final Supplier<KafkaStreams> streams;

    /** @param streams the streams client, read at each check (null until it is created) */
    public KafkaStreamsHealthIndicator(Supplier<KafkaStreams> streams) {
        this.streams = streams;
    }

    @Override
    public Health health() {
        KafkaStreams kafkaStreams = streams.get();
        return of(kafkaStreams == null ? null : kafkaStreams.state());
    }

    /** The health of a client in {@code state} (null: no client yet). */
    static Health of(KafkaStreams.State state) {
        if (state == null) {
            return Health.down().withDetail("state", "NOT_CREATED")
                    .withDetail("reason", "the streams client has not been created").build();
        }
        return switch (state) {
            case RUNNING -> Health.up().withDetail("state", state.name()).build();
            case REBALANCING -> Health.up().withDetail("state", state.name())
                    .withDetail("reason", "partitions are being assigned or state restored; live counts answer 503 "
                            + "until it is RUNNING again").build();
            case CREATED -> down(state, "the streams client has not been started");
            case PENDING_SHUTDOWN, NOT_RUNNING -> down(state, "the streams client is stopping or stopped");
            case PENDING_ERROR, ERROR -> down(state, "the streams client shut down after an uncaught exception; "
                    + "restart the app");
        };
    }

    private static Health down(KafkaStreams.State state, String reason) {
        return Health.down().withDetail("state", state.name()).withDetail("reason", reason).build();
    }
}
