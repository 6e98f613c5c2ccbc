package org.seatreconciler.local.pipeline;

import java.nio.file.Path;
import java.time.Duration;

import org.seatreconciler.local.output.RunSummary;

/**
 * The outcome of a run, for the command line to report.
 *
 * @param explanation what the run's {@link Pipeline.JobWork} explained, or null
 */
public record RunReport(RunSummary summary, Path outDir, Path rejectedEvents, Path runSummary, Timings timings,
                        String explanation) {

    /**
     * How long the phases took, for the benchmark.
     *
     * @param publishing reading the files and publishing plans and events (acknowledged by the broker)
     * @param processing from the start of publishing until the streams app had no lag left
     * @param billing the nightly job, all dates (or the preview, or the explanation)
     */
    public record Timings(Duration publishing, Duration processing, Duration billing) {
    }
}
