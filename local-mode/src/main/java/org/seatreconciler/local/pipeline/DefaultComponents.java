package org.seatreconciler.local.pipeline;

import java.time.Duration;
import java.util.List;

import org.seatreconciler.local.ReconcilerException;

/**
 * The components {@code ./reconciler} runs with. Phase 1 (this module before the streams and batch apps
 * are wired in): the default plan catalogue of DESIGN.md section 2, and launchers that stop the run
 * with a clear message once the broker is up and the input validated.
 */
public final class DefaultComponents {

    /** DESIGN.md section 2's default catalogue, in its order. */
    public static final List<String> DEFAULT_PLAN_CODES = List.of("GROUP", "ENTERPRISE", "STARTER");
    public static final Duration LAG_TIMEOUT = Duration.ofMinutes(5);

    private DefaultComponents() {
    }

    public static Components create() {
        return new Components(
                settings -> {
                    throw new ReconcilerException("the streams app is not wired into local mode yet");
                },
                settings -> {
                    throw new ReconcilerException("the nightly job is not wired into local mode yet");
                },
                DEFAULT_PLAN_CODES, LAG_TIMEOUT);
    }
}
