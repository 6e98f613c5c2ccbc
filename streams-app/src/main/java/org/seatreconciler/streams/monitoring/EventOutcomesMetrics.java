package org.seatreconciler.streams.monitoring;

import org.seatreconciler.streams.counting.EventOutcomes;
import org.seatreconciler.streams.rejection.RejectionReason;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * {@link EventOutcomes} as Micrometer counters that read its adders when a registry is scraped (nothing is
 * added on the processing path). A rejected counter is registered for every {@link RejectionReason} up
 * front, so each reason reports 0 until it is first seen. Like {@code EventOutcomes}, they count
 * processing attempts: records re-processed after a failure are counted again.
 */
public class EventOutcomesMetrics implements MeterBinder {

    public static final String APPLIED = "seats.events.applied";
    public static final String DUPLICATES = "seats.events.duplicates";
    public static final String REJECTED = "seats.events.rejected";
    public static final String REASON_TAG = "reason";

    private final EventOutcomes outcomes;

    public EventOutcomesMetrics(EventOutcomes outcomes) {
        this.outcomes = outcomes;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        FunctionCounter.builder(APPLIED, outcomes, EventOutcomes::applied)
                .description("Input records applied to the seat counts by this process")
                .register(registry);
        FunctionCounter.builder(DUPLICATES, outcomes, EventOutcomes::duplicates)
                .description("Input records ignored because their eventId was already applied")
                .register(registry);
        for (RejectionReason reason : RejectionReason.values()) {
            String code = reason.name();
            FunctionCounter.builder(REJECTED, outcomes, o -> o.rejected(code))
                    .description("Input records rejected (written to the rejected topic), by reason")
                    .tag(REASON_TAG, code)
                    .register(registry);
        }
    }
}
