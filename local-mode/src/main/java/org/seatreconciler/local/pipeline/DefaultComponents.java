package org.seatreconciler.local.pipeline;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The components {@code ./reconciler} runs with: the streams app and the nightly job started as Spring
 * Boot contexts in this JVM, and the batch app's plan catalogue.
 */
public final class DefaultComponents {

    public static final Duration LAG_TIMEOUT = Duration.ofMinutes(5);

    private DefaultComponents() {
    }

    public static Components create() {
        return new Components(SpringStreamsRuntime::start, SpringNightlyJob::start, planCodes(), LAG_TIMEOUT);
    }

    /**
     * Starts the streams app like {@link #create()}'s launcher, with {@code overrides} over the run's
     * settings: the benchmark's thread counts and commit intervals.
     */
    public static StreamsRuntime.Launcher streamsWith(Map<String, Object> overrides) {
        Map<String, Object> copy = Map.copyOf(overrides);
        return settings -> SpringStreamsRuntime.start(settings, copy);
    }

    /** The batch app's plan codes, in catalogue order (GROUP, ENTERPRISE, STARTER by default). */
    public static List<String> planCodes() {
        return SpringApps.planCodes();
    }
}
