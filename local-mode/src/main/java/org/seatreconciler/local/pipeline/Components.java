package org.seatreconciler.local.pipeline;

import java.time.Duration;
import java.util.List;

/**
 * The app-specific parts of a local run.
 *
 * @param planCodes the plan catalogue's codes, in catalogue order (the plans of the batch app's
 *        {@code batch-jobs.yml}); the plans file is checked against them before anything starts
 * @param lagTimeout how long to wait for the streams app to process everything published
 */
public record Components(StreamsRuntime.Launcher streams, NightlyJob.Launcher nightlyJob, List<String> planCodes,
                        Duration lagTimeout) {

    public Components {
        planCodes = List.copyOf(planCodes);
    }
}
