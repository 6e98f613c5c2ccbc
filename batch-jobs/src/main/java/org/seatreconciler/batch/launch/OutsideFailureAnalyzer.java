package org.seatreconciler.batch.launch;

import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.core.env.Environment;

/**
 * Spring Boot's report of a start that failed on the output folder, the job's database or the schema registry:
 * the one line of {@link OutsideFailure} instead of "Application run failed" with a stack trace (Boot logs the
 * trace at DEBUG when an analyzer explains the failure).
 */
public class OutsideFailureAnalyzer implements FailureAnalyzer {

    private final OutsideFailure failures;

    public OutsideFailureAnalyzer(Environment environment) {
        this.failures = OutsideFailure.of(environment);
    }

    @Override
    public FailureAnalysis analyze(Throwable failure) {
        return failures.describe(failure).map(line -> new FailureAnalysis(line,
                "See batch-jobs/README.md, \"Exit statuses\" (this one is 3).", failure)).orElse(null);
    }
}
