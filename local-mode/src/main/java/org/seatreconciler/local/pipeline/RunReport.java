package org.seatreconciler.local.pipeline;

import java.nio.file.Path;

import org.seatreconciler.local.output.RunSummary;

/** The outcome of a run, for the command line to report. */
public record RunReport(RunSummary summary, Path outDir, Path rejectedEvents, Path runSummary) {
}
