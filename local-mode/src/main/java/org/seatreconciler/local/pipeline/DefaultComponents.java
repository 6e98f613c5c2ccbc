package org.seatreconciler.local.pipeline;

import java.time.Duration;
import java.util.List;

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

    /** The batch app's plan codes, in catalogue order (GROUP, ENTERPRISE, STARTER by default). */
    public static List<String> planCodes() {
        return SpringApps.planCodes();
    }
}
